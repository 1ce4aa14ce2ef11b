from ninja import Router

router = Router(tags=["Network and evaluation"])
