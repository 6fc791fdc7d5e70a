"""Static files: hashed and compressed by whitenoise once `collectstatic` has run; the
plain names before that (a fresh checkout running its tests), instead of an error page."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected yet
            return name
