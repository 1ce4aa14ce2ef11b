from ninja import Router

router = Router(tags=["Newsletter and take action"])
