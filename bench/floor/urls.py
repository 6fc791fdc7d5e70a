from django.urls import path

from sejuk.urls import handler400, handler404, handler500, urlpatterns

from . import views

__all__ = ["handler400", "handler404", "handler500", "urlpatterns"]

urlpatterns = [
    path("bench/floor/insert", views.insert),
    path("bench/floor/read", views.read),
    *urlpatterns,
]
