"""A figure's unit from a list (checker/units.py): a currency as its ISO 4217 code however it is written,
what is counted in words, and a clear refusal of anything else."""
import pytest

from checker.errors import InvalidInput
from checker.units import unit_as_written, unit_choices


@pytest.mark.parametrize("typed,stored", [
    ("USD", "USD"), ("usd", "USD"), ("US$", "USD"), ("US dollars", "USD"), ("€", "EUR"), ("euros", "EUR"),
    ("£", "GBP"), ("Pakistani rupees", "PKR"), ("₹", "INR"), ("CA$", "CAD"), ("nzd", "NZD"),
    ("people", "people"), ("Percent", "percent"), ("%", "percent"), ("per cent", "percent"),
    ("Israeli settlers", "Israeli settlers"), ("tonnes of CO2", "tonnes of CO2"), ("°C", "°C"), ("km²", "km²"),
    ("  meetings ", "meetings"), ("", None), (None, None),
    ("km/h", "km/h"), ("KM/H", "km/h"), ("MPH", "mph"), ("kg", "kg"),  # the measures checker reads ("125kph", "80kg")
])
def test_a_unit_as_people_write_it(typed, stored):
    assert unit_as_written(typed) == stored


@pytest.mark.parametrize("typed,refusal", [
    ("92 million US$", "is not a unit"),  # the figure belongs under value
    ("12 people", "is not a unit"),
    ("$", "is more than one currency: write its code (USD, CAD"),
    ("dollars", "is more than one currency"),
    ("¥", "JPY or CNY"),
    ("=cmd()", "is not a unit"),
])
def test_what_is_no_unit_is_refused_with_the_reason(typed, refusal):
    with pytest.raises(InvalidInput, match=None) as e:
        unit_as_written(typed)
    assert refusal in str(e.value) and e.value.field == "unit"


def test_the_forms_offer_the_common_currencies_then_what_the_kinds_count():
    choices = dict(unit_choices())
    assert choices["USD"] == "USD: US Dollar ($)" and choices["EUR"].startswith("EUR: Euro")
    assert "percent" in choices and "people" in choices
