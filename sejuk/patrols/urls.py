from django.urls import path

from . import views

app_name = "patrols"

urlpatterns = [
    path("rencana/", views.index, name="index"),
    path("rencana/<int:plan_id>/", views.detail, name="detail"),
    path("rencana/<int:plan_id>/pindah/", views.move, name="move"),
    path("rencana/<int:plan_id>/tambah/", views.add, name="add"),
    path("rencana/<int:plan_id>/terbitkan/", views.publish, name="publish"),
    path("rencana/<int:plan_id>/tim/<int:number>/", views.team, name="team"),
]
