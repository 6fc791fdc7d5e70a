from django.urls import path

from . import views

# Served under the "media" namespace together with the story page of sejuk.links
# (sejuk/urls.py).
urlpatterns = [
    path("media/", views.index, name="index"),
    path("media/tambah/", views.add, name="add"),
    path("media/<int:story_id>/sinyal/<int:signal_id>/", views.review, name="review"),
    path("media/<int:story_id>/klarifikasi/", views.clarify, name="clarify"),
]
