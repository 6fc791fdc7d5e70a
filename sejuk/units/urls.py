from django.urls import path

from . import views

app_name = "units"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:unit_id>/", views.detail, name="detail"),
]
