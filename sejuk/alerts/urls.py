from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("", views.index, name="index"),
    path("pengaturan/", views.preferences, name="preferences"),
    path("<int:alert_id>/tangani/", views.handle, name="handle"),
]
