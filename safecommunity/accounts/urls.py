from django.urls import path

from safecommunity.accounts import views, views_two_factor

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("two-factor/", views_two_factor.two_factor, name="two_factor"),
    path("recovery-codes/", views_two_factor.recovery_codes, name="recovery_codes"),
    path("recovery-codes/new/", views_two_factor.recovery_codes_new, name="recovery_codes_new"),
    path("security/", views_two_factor.security, name="security"),
]
