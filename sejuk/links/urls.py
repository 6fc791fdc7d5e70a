from django.urls import path

from . import views

# Served under the "reports" namespace together with sejuk.reports.urls (sejuk/urls.py).
urlpatterns = [
    path("laporan/<int:report_id>/", views.detail, name="detail"),
    path("laporan/<int:report_id>/kejadian/", views.incident, name="incident"),
    path("laporan/<int:report_id>/kegiatan/", views.link_activity, name="link_activity"),
    path("laporan/<int:report_id>/identitas/", views.reveal, name="reveal"),
]
