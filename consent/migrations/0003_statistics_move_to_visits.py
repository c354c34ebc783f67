"""
PageView and DailyVisitor leave consent's state; visits 0001 has taken over their tables.

Nothing changes in the database here: the rows stay where visits 0001 put them.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("consent", "0002_cookie_groups"),
        ("visits", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="DailyVisitor"),
                migrations.DeleteModel(name="PageView"),
            ],
            database_operations=[],
        ),
    ]
