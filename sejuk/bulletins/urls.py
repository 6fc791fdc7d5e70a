from django.urls import path

from . import views

app_name = "bulletins"
urlpatterns = [
    path("", views.index, name="index"),
    path("harian/", views.daily_file, name="daily"),
    path("rekap.xlsx", views.recap_file, name="recap"),
    path("<int:bulletin_id>/unduh.<str:fmt>", views.stored_file, name="stored"),
    path("rilis/<int:activity_id>/", views.release, name="release"),
]
