from ninja import Router

router = Router(tags=["Open calls"])
