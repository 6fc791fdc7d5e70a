from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/sandi/", views.PasswordChangeView.as_view(), name="password_change"),
    path("akun/token/", views.tokens, name="tokens"),
    path("akun/token/<int:token_id>/cabut/", views.revoke_token, name="revoke_token"),
    path("audit/", views.audit_log, name="audit"),
]
