from django.urls import path

from . import inbox_views, media_views, views

# Served under the "reports" namespace together with sejuk.reports.urls (sejuk/urls.py).
urlpatterns = [
    path("laporan/<int:report_id>/", views.detail, name="detail"),
    path("laporan/<int:report_id>/kejadian/", views.incident, name="incident"),
    path("laporan/<int:report_id>/kegiatan/", views.link_activity, name="link_activity"),
    path("laporan/<int:report_id>/identitas/", views.reveal, name="reveal"),
]

# Served under the "media" namespace together with sejuk.media.urls (sejuk/urls.py).
media_urlpatterns = [
    path("media/<int:story_id>/", media_views.story, name="story"),
    path("media/<int:story_id>/kejadian/", media_views.incident, name="incident"),
    path("media/<int:story_id>/kegiatan/", media_views.link_activity, name="link_activity"),
    path("media/<int:story_id>/kegiatan-baru/", media_views.new_activity, name="new_activity"),
]

# Served under the "channels" namespace together with sejuk.channels.urls (sejuk/urls.py):
# the inbox sees a chat by its report's rule, so it sits above both.
inbox_urlpatterns = [
    path("", inbox_views.inbox, name="inbox"),
    path("<int:conversation_id>/", inbox_views.conversation, name="conversation"),
    path("<int:conversation_id>/nomor/", inbox_views.reveal, name="reveal"),
    path("<int:conversation_id>/jawab/", inbox_views.answer, name="answer"),
]
