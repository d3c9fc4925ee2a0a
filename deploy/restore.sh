#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into DATABASE_URL and MEDIA_ROOT.
#
#   DATABASE_URL=postgresql://… MEDIA_ROOT=/srv/practice/media \
#       deploy/restore.sh --yes /srv/backups/practice-20260101T020000Z.dump
#
# The database may be empty (freshly created) or an existing copy of the site: objects in the
# dump are dropped and recreated. The uploads folder is replaced as a whole (the old one is kept
# beside it as MEDIA_ROOT.before-restore-<time> until you delete it). Stop the site (or put it in
# maintenance) first, and run `manage.py migrate` afterwards if the code is newer than the backup.
set -euo pipefail

if [ "${1:-}" != "--yes" ] || [ -z "${2:-}" ]; then
    echo "usage: DATABASE_URL=… MEDIA_ROOT=… $0 --yes <backup.dump>" >&2
    echo "This overwrites the database and the uploads; --yes says you mean it." >&2
    exit 2
fi
: "${DATABASE_URL:?Set DATABASE_URL to the database to restore into}"
: "${MEDIA_ROOT:?Set MEDIA_ROOT to the uploads folder to restore into}"

dump="$2"
media="${dump%.dump}.media.tar.gz"
sums="${dump%.dump}.SHA256SUMS"
for file in "$dump" "$media"; do
    [ -f "$file" ] || { echo "Missing $file" >&2; exit 1; }
done
if [ -f "$sums" ]; then
    (cd "$(dirname "$dump")" && sha256sum --check --quiet "$(basename "$sums")") \
        || { echo "Checksum mismatch: the backup is damaged" >&2; exit 1; }
fi

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --dbname="$DATABASE_URL" "$dump"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
incoming="$MEDIA_ROOT.restoring-$stamp"
mkdir -p "$incoming"
tar --extract --gzip --file="$media" --directory="$incoming"
if [ -d "$MEDIA_ROOT" ]; then
    mv "$MEDIA_ROOT" "$MEDIA_ROOT.before-restore-$stamp"
fi
mv "$incoming" "$MEDIA_ROOT"
echo "Restored the database and $(find "$MEDIA_ROOT" -type f | wc -l) upload(s) into $MEDIA_ROOT"
