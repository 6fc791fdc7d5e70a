#!/bin/sh
# Vendor the map library into the static files (run by maintainers, never at run time):
# Leaflet and Leaflet.markercluster at the pinned versions below, from the npm registry
# (`npm pack`, the integrity npm records checked), with their licences.
set -eu
LEAFLET=1.9.4
CLUSTER=1.5.3
OUT="$(cd "$(dirname "$0")/.." && pwd)/sejuk/maps/static/maps/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" >/dev/null
tar -xzf "leaflet-$LEAFLET.tgz" && mv package leaflet
tar -xzf "leaflet.markercluster-$CLUSTER.tgz" && mv package cluster
rm -rf "$OUT" && mkdir -p "$OUT/leaflet/images" "$OUT/markercluster"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE "$OUT/leaflet/"
cp leaflet/dist/images/*.png "$OUT/leaflet/images/"
cp cluster/dist/leaflet.markercluster.js cluster/dist/MarkerCluster.css \
   cluster/dist/MarkerCluster.Default.css cluster/MIT-LICENCE.txt "$OUT/markercluster/"
# The source maps are not shipped: drop the comments that point to them (the static
# files' manifest would look for them).
sed -i '/^\/\/# sourceMappingURL=/d' "$OUT/leaflet/leaflet.js" "$OUT/markercluster/leaflet.markercluster.js"
chmod 644 "$OUT"/*/*
{
  echo "Vendored by scripts/vendor_leaflet.sh from the npm registry:"
  echo "leaflet@$LEAFLET (BSD-2-Clause, leaflet/LICENSE)"
  echo "leaflet.markercluster@$CLUSTER (MIT, markercluster/MIT-LICENCE.txt)"
  echo "The dist files as published, less their sourceMappingURL comments."
} > "$OUT/README.txt"
echo "$OUT"
