from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safecommunity.accounts"
    label = "accounts"
    verbose_name = "Accounts"
