from django.urls import path

from . import views

app_name = "tension"
urlpatterns = [
    path("kerawanan/", views.index, name="index"),
    path("kerawanan/ekspor.<str:fmt>", views.export, name="export"),
    path("kerawanan/cakupan/", views.coverage_page, name="coverage"),
    path("desa/<str:code>/", views.desa, name="desa"),
]
