"""The title's vector stays in the row, where a search reads it to rank every match.

A row over 2 KB (an item or a PDF with a long text) had its small title vector moved out to the
TOAST table first, before the long document vector (storage MAIN since 0014) was touched, so a
common word's ranking read that many more pages: at 10,000 meetings "budget" read 10,982 pages
where its 10,720 matching rows fill 8,386. With storage MAIN the title's vector is moved out
only if nothing else can be. Rows already stored keep their form until `reindex_search` writes
them anew.
"""

from django.db import migrations


def store(storage):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model("minutes", "SearchEntry")._meta.db_table)
        schema_editor.execute(f'ALTER TABLE {table} ALTER COLUMN "title_document" SET STORAGE {storage}')

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0014_search_vector_storage"),
    ]

    operations = [
        migrations.RunPython(store("MAIN"), store("EXTENDED"), elidable=False),
    ]
