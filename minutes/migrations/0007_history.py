"""The history of everything public (django-simple-history); the old version tables go in 0009."""

import django.db.models.deletion
import minutes.validators
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('committee', '0002_seed_committee_content'),
        ('minutes', '0006_decisions_votes_and_imports'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='meeting',
            name='corrected_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='Den seneste rettelse af den offentlige tekst, efter at mødet var offentliggjort. Regnes ud fra historikken.', null=True, verbose_name='senest rettet'),
        ),
        migrations.CreateModel(
            name='HistoricalAgendaItem',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('record_kind', models.CharField(choices=[('aendring', 'Ændring'), ('referat', 'Dagsordenen blev til referatet'), ('uregistreret', 'Rettet, før siden førte historik')], default='aendring', max_length=12, verbose_name='slags')),
                ('number', models.PositiveSmallIntegerField(verbose_name='nummer')),
                ('title', models.CharField(max_length=300, verbose_name='titel')),
                ('is_closed', models.BooleanField(default=False, help_text='Et lukket punkt vises kun som “Lukket punkt” med sit nummer. Indholdet vises, søges og udgives aldrig.', verbose_name='lukket punkt')),
                ('decision_theme', models.TextField(blank=True, verbose_name='beslutningstema')),
                ('recommendation', models.TextField(blank=True, verbose_name='indstilling')),
                ('decision', models.TextField(blank=True, verbose_name='beslutning')),
                ('case_presentation', models.TextField(blank=True, verbose_name='sagsfremstilling')),
                ('economic_consequences', models.TextField(blank=True, verbose_name='økonomiske konsekvenser')),
                ('outcome', models.CharField(blank=True, choices=[('godkendt', 'Godkendt'), ('anbefalet', 'Anbefalet'), ('taget_til_efterretning', 'Taget til efterretning'), ('udsat', 'Udsat'), ('afvist', 'Afvist'), ('droeftet', 'Drøftet')], help_text='Hvad udvalget besluttede. Vises ved punktet i indholdsfortegnelsen.', max_length=30, verbose_name='udfald')),
                ('public_decision', models.TextField(blank=True, help_text='Kun for lukkede punkter: den del af beslutningen, der kan offentliggøres. Den vises under “Lukket punkt”; punktets titel og alt andet forbliver lukket.', verbose_name='offentlig beslutning')),
                ('history_change_reason', models.TextField(blank=True, null=True, verbose_name='begrundelse')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='minutes.meeting', verbose_name='møde')),
            ],
            options={
                'verbose_name': 'historik: dagsordenspunkt',
                'verbose_name_plural': 'historik: dagsordenspunkt',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalAttachment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('record_kind', models.CharField(choices=[('aendring', 'Ændring'), ('referat', 'Dagsordenen blev til referatet'), ('uregistreret', 'Rettet, før siden førte historik')], default='aendring', max_length=12, verbose_name='slags')),
                ('title', models.CharField(max_length=300, verbose_name='titel')),
                ('file', models.TextField(blank=True, max_length=255, validators=[minutes.validators.validate_pdf], verbose_name='fil (PDF)')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='rækkefølge')),
                ('uploaded_at', models.DateTimeField(blank=True, editable=False, verbose_name='uploadet')),
                ('history_change_reason', models.TextField(blank=True, null=True, verbose_name='begrundelse')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('item', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='minutes.agendaitem', verbose_name='punkt')),
            ],
            options={
                'verbose_name': 'historik: bilag',
                'verbose_name_plural': 'historik: bilag',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeeting',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('record_kind', models.CharField(choices=[('aendring', 'Ændring'), ('referat', 'Dagsordenen blev til referatet'), ('uregistreret', 'Rettet, før siden førte historik')], default='aendring', max_length=12, verbose_name='slags')),
                ('date', models.DateField(verbose_name='mødedato')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='mødetidspunkt')),
                ('place', models.CharField(blank=True, help_text='Fx “Rådhuset, mødelokale 1”.', max_length=200, verbose_name='mødested')),
                ('kind', models.CharField(choices=[('dagsorden', 'Dagsorden'), ('referat', 'Referat')], default='referat', help_text='Dagsorden før mødet, referat efter mødet.', max_length=10, verbose_name='type')),
                ('remarks', models.TextField(blank=True, help_text='Fx hvem der var stedfortræder for hvem, og gæster. Almindelig tekst.', verbose_name='bemærkninger')),
                ('minutes_pdf', models.TextField(blank=True, max_length=255, validators=[minutes.validators.validate_pdf], verbose_name='referat som PDF')),
                ('is_published', models.BooleanField(default=False, verbose_name='offentliggjort')),
                ('first_published_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='første gang offentliggjort')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='oprettet')),
                ('history_change_reason', models.TextField(blank=True, null=True, verbose_name='begrundelse')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('committee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='committee.committee', verbose_name='udvalg')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historik: møde',
                'verbose_name_plural': 'historik: møde',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalParticipant',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('record_kind', models.CharField(choices=[('aendring', 'Ændring'), ('referat', 'Dagsordenen blev til referatet'), ('uregistreret', 'Rettet, før siden førte historik')], default='aendring', max_length=12, verbose_name='slags')),
                ('name', models.CharField(blank=True, help_text='Kun hvis personen ikke er på listen.', max_length=200, verbose_name='navn')),
                ('party', models.CharField(blank=True, max_length=3, verbose_name='partibogstav')),
                ('status', models.CharField(choices=[('til_stede', 'Til stede'), ('afbud', 'Fraværende med afbud')], default='til_stede', max_length=10, verbose_name='status')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='rækkefølge')),
                ('history_change_reason', models.TextField(blank=True, null=True, verbose_name='begrundelse')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='minutes.meeting', verbose_name='møde')),
                ('member', models.ForeignKey(blank=True, db_constraint=False, help_text='Vælg et medlem af udvalget, eller skriv navnet nedenfor.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='committee.member', verbose_name='medlem')),
            ],
            options={
                'verbose_name': 'historik: deltager',
                'verbose_name_plural': 'historik: deltager',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalVote',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('record_kind', models.CharField(choices=[('aendring', 'Ændring'), ('referat', 'Dagsordenen blev til referatet'), ('uregistreret', 'Rettet, før siden førte historik')], default='aendring', max_length=12, verbose_name='slags')),
                ('party', models.CharField(help_text='Partibogstavet, fx A, C, F, O eller V.', max_length=3, verbose_name='parti')),
                ('position', models.CharField(choices=[('for', 'For'), ('imod', 'Imod'), ('undlod', 'Undlod at stemme')], max_length=6, verbose_name='stemme')),
                ('history_change_reason', models.TextField(blank=True, null=True, verbose_name='begrundelse')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('item', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='minutes.agendaitem', verbose_name='punkt')),
            ],
            options={
                'verbose_name': 'historik: stemme',
                'verbose_name_plural': 'historik: stemme',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
