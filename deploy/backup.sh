#!/usr/bin/env bash
# Back up the practice site: the PostgreSQL database (pg_dump, custom format) and the uploads.
#
#   DATABASE_URL=postgresql://… MEDIA_ROOT=/srv/practice/media BACKUP_DIR=/srv/backups deploy/backup.sh
#
# Writes <BACKUP_DIR>/practice-<UTC time>.dump and .media.tar.gz plus a SHA256SUMS file, and keeps
# the newest BACKUP_KEEP sets (default 14). Prints the two file names on the last lines.
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the database to back up}"
: "${MEDIA_ROOT:?Set MEDIA_ROOT to the uploads folder}"
: "${BACKUP_DIR:?Set BACKUP_DIR to where backups are kept}"
keep="${BACKUP_KEEP:-14}"

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
base="$BACKUP_DIR/practice-$stamp"

# Custom format: compressed, and pg_restore can restore into an empty or an existing database.
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$base.dump.partial"
# Uploads, including original images (the only copy of what staff uploaded).
tar --create --gzip --file="$base.media.tar.gz.partial" --directory="$MEDIA_ROOT" .
mv "$base.dump.partial" "$base.dump"
mv "$base.media.tar.gz.partial" "$base.media.tar.gz"
(cd "$BACKUP_DIR" && sha256sum "practice-$stamp.dump" "practice-$stamp.media.tar.gz" > "practice-$stamp.SHA256SUMS")

# Keep the newest $keep sets.
ls -1t "$BACKUP_DIR"/practice-*.dump | tail -n +"$((keep + 1))" | while read -r old; do
    rm -f "$old" "${old%.dump}.media.tar.gz" "${old%.dump}.SHA256SUMS"
done

echo "$base.dump"
echo "$base.media.tar.gz"
