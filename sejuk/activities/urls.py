from django.urls import path

from . import views

app_name = "activities"
urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.create, name="create"),
    path("kirim/", views.send, name="send"),
    path("kotak-keluar/", views.outbox, name="outbox"),
    path("ekspor.<str:fmt>", views.export_list, name="export_list"),
    path("rekap/", views.recap_page, name="recap"),
    path("rekap/ekspor.<str:fmt>", views.export_recap, name="export_recap"),
    path("impor/", views.import_page, name="import"),
    path("impor/<int:run_id>/", views.import_run_page, name="import_run"),
    path("impor/<int:run_id>/ditolak.csv", views.import_refused, name="import_refused"),
    path("templat.xlsx", views.template_file, name="template"),
    path("rencana/", views.plans_page, name="plans"),
    path("foto/<int:photo_id>/", views.photo, name="photo"),
    path("<int:activity_id>/", views.detail, name="detail"),
    path("<int:activity_id>/ubah/", views.edit, name="edit"),
    path("<int:activity_id>/hapus/", views.delete, name="delete"),
    path("<int:activity_id>/foto/", views.add_photo, name="photo_add"),
    path("<int:activity_id>/sudah-dicek/", views.confirm_reading, name="confirm_reading"),
]
