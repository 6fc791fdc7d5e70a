from django.urls import path

from . import views

# Served under the "channels" namespace with the inbox (sejuk.links.urls, sejuk/urls.py).
urlpatterns = [
    path("webhook/<str:channel>/", views.webhook, name="webhook"),
]
