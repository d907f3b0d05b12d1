"""Top-level routes: the app, accounts (Django's auth views plus sign-up and profile), admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from portfolios.views import accounts

account_patterns = [
    path("signup/", accounts.signup, name="signup"),
    path("profile/", accounts.profile, name="profile"),
    path("export/", accounts.export, name="account_export"),
    path("delete/", accounts.delete_account, name="account_delete"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("", include("portfolios.urls")),
    path("accounts/", include(account_patterns)),
    path("admin/", admin.site.urls),
]
