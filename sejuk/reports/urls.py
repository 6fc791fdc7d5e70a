from django.urls import path

from . import views

# The case page and the steps that reach into the other work (its incident, the
# activities done in response) are sejuk.links's; sejuk/urls.py serves both lists under
# the one "reports" namespace.
app_name = "reports"
urlpatterns = [
    path("lapor/", views.report_form, name="report"),
    path("lapor/terkirim/", views.sent, name="sent"),
    path("cek/", views.check, name="check"),
    path("laporan/", views.queue, name="queue"),
    path("laporan/baru/", views.create, name="create"),
    path("laporan/foto/<int:photo_id>/", views.photo, name="photo"),
    path("laporan/<int:report_id>/langkah/", views.move, name="move"),
    path("laporan/<int:report_id>/tugaskan/", views.assign, name="assign"),
    path("laporan/<int:report_id>/tugaskan/cari/", views.assignees, name="assignees"),
    path("laporan/<int:report_id>/pesan/", views.message, name="message"),
    path("laporan/<int:report_id>/gabung/", views.merge, name="merge"),
]
