from django.urls import register_converter

from .converters import IsoDateConverter

register_converter(IsoDateConverter, "isodate")

app_name = "minutes"

# URL names the rest of the site relies on (the public views fill them in):
#   archive  /referater/                   year      /referater/2018/
#   meeting  /referater/2018-05-29/        meeting_pdf /referater/2018-05-29/referat.pdf
#   attachment /referater/2018-05-29/bilag/<pk>.pdf
#   search   /referater/soeg/              feed /referater/rss/   calendar /referater/kalender.ics
urlpatterns: list = []
