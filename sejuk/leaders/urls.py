from django.urls import path

from . import views

app_name = "leaders"
urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.create, name="create"),
    path("ekspor.csv", views.export, name="export"),
    path("<int:leader_id>/", views.detail, name="detail"),
    path("<int:leader_id>/nonaktifkan/", views.deactivate, name="deactivate"),
]
