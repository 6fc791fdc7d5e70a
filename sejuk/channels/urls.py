from django.urls import path

from . import views

app_name = "channels"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:conversation_id>/", views.conversation, name="conversation"),
    path("<int:conversation_id>/nomor/", views.reveal, name="reveal"),
    path("<int:conversation_id>/jawab/", views.answer, name="answer"),
    path("webhook/<str:channel>/", views.webhook, name="webhook"),
]
