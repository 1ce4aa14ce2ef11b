from ninja import Router

router = Router(tags=["Learning resources"])
