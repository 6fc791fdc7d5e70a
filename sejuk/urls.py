from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic.base import RedirectView

from sejuk.api import api
from sejuk.channels import urls as channels_urls
from sejuk.channels import views as channel_views
from sejuk.links import urls as links_urls
from sejuk.media import urls as media_urls
from sejuk.reports import urls as reports_urls
from sejuk.web import offline
from sejuk.web import views as web

handler400 = "sejuk.web.errors.bad_request"
handler404 = "sejuk.web.errors.not_found"
handler500 = "sejuk.web.errors.server_error"

admin.site.site_header = "Administrasi Sejuk"
admin.site.site_title = "Sejuk"
admin.site.index_title = "Kelola data"

urlpatterns = [
    path("", web.home, name="home"),
    path("wilayah/", include("sejuk.regions.urls")),
    path("satuan/", include("sejuk.units.urls")),
    path("tokoh/", include("sejuk.leaders.urls")),
    path("kegiatan/", include("sejuk.activities.urls")),
    path("kejadian/", include("sejuk.incidents.urls")),
    path("buletin/", include("sejuk.bulletins.urls")),
    path("peta/", include("sejuk.maps.urls")),
    path("patroli/", include("sejuk.patrols.urls")),
    path("", include("sejuk.tension.urls")),
    # The channels' webhooks, and the operators' inbox that sees chats by their reports.
    path(
        "saluran/", include((links_urls.inbox_urlpatterns + channels_urls.urlpatterns, "channels"))
    ),
    path("peringatan/", include("sejuk.alerts.urls")),
    path("dev/chat/", channel_views.chat, name="dev_chat"),
    # A case's own pages and the steps linking it to other work, under one namespace.
    path("", include((reports_urls.urlpatterns + links_urls.urlpatterns, "reports"))),
    # Media monitoring: the stories, and a story's page with its links to the other work.
    path("", include((media_urls.urlpatterns + links_urls.media_urlpatterns, "media"))),
    path("", include("sejuk.accounts.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("favicon.ico", RedirectView.as_view(url=static("sejuk/favicon.svg"), permanent=True)),
]
