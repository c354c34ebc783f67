"""Once made the "Referent" group; it is now defined in `minutes.clerks` and made after every
`migrate` (a post_migrate receiver), so this migration only keeps its place in the history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0001_initial"),
        ("committee", "0002_seed_committee_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
