//! Field validation shared by every entity. Text is trimmed before it is measured; limits count
//! characters (not bytes). Every failure names the field and the limit.

use crate::error::{CoreError, Result};
use chrono::NaiveDate;

/// A field a value is checked for: `key` is stable (the name of the data's field, such as
/// `lifetime_months`: what the UI finds the field by), `label` is what the founder reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
}

impl Field {
    pub const fn new(key: &'static str, label: &'static str) -> Field {
        Field { key, label }
    }
}

/// Trims `value` and checks that it holds `min..=max` characters.
pub fn text(field: Field, value: &str, min: usize, max: usize) -> Result<String> {
    let trimmed = value.trim();
    let count = trimmed.chars().count();
    if count < min {
        return Err(if min == 1 {
            CoreError::invalid(field, "must not be empty")
        } else {
            CoreError::invalid(field, format!("must be at least {min} characters"))
        });
    }
    if count > max {
        return Err(CoreError::invalid(
            field,
            format!(
                "must be at most {} characters (it has {})",
                group(max),
                group(count)
            ),
        ));
    }
    Ok(trimmed.to_string())
}

/// Optional text: empty after trimming becomes `None`.
pub fn optional_text(field: Field, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field, v, 1, max).map(Some),
    }
}

pub fn finite(field: Field, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(CoreError::invalid(field, "must be a number"))
    }
}

pub fn positive(field: Field, value: f64) -> Result<f64> {
    if finite(field, value)? > 0.0 {
        Ok(value)
    } else {
        Err(CoreError::invalid(field, "must be greater than 0"))
    }
}

pub fn non_negative(field: Field, value: f64) -> Result<f64> {
    if finite(field, value)? >= 0.0 {
        Ok(value)
    } else {
        Err(CoreError::invalid(field, "must not be negative"))
    }
}

pub fn between(field: Field, value: f64, low: f64, high: f64) -> Result<f64> {
    if (low..=high).contains(&finite(field, value)?) {
        Ok(value)
    } else {
        Err(CoreError::invalid(
            field,
            format!("must be between {low} and {high}"),
        ))
    }
}

pub fn whole_between(field: Field, value: u32, low: u32, high: u32) -> Result<u32> {
    if (low..=high).contains(&value) {
        Ok(value)
    } else {
        Err(CoreError::invalid(
            field,
            format!("must be a whole number from {low} to {high}"),
        ))
    }
}

pub fn optional<T: Copy>(
    value: Option<T>,
    check: impl FnOnce(T) -> Result<T>,
) -> Result<Option<T>> {
    value.map(check).transpose()
}

/// The first and last day a plan's dates may take. Dates are kept as ISO text (`2026-11-27`),
/// which sorts as dates only for four-digit years; a plan needs nothing outside these.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("a valid first day"),
};
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("a valid last day"),
};

/// Checks that `value` lies between [`FIRST_DAY`] and [`LAST_DAY`].
pub fn date(field: Field, value: NaiveDate) -> Result<NaiveDate> {
    if (FIRST_DAY..=LAST_DAY).contains(&value) {
        Ok(value)
    } else {
        Err(CoreError::invalid(
            field,
            format!("must be between {FIRST_DAY} and {LAST_DAY} (it is {value})"),
        ))
    }
}

/// A date of something measured: it has happened by `today` (a day's grace for the time zones
/// of a team spread over the world).
pub fn happened(field: Field, value: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    let value = date(field, value)?;
    if value > today + chrono::Days::new(1) {
        return Err(CoreError::invalid(
            field,
            format!(
                "{value} is in the future: record a figure once it has happened (today is {today})"
            ),
        ));
    }
    Ok(value)
}

/// An optional date, checked as [`date`].
pub fn optional_date(field: Field, value: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
    optional(value, |d| date(field, d))
}

/// Checks that an optional date range does not end before it starts.
pub fn date_order(field: Field, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<()> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(CoreError::invalid(
            field,
            format!("must not be before the start date ({s})"),
        )),
        _ => Ok(()),
    }
}

/// Active ISO 4217 currency codes.
const ISO_4217: &str =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB \
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR \
FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES \
KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR \
MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR \
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH \
UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

/// An ISO 4217 code, upper-cased.
pub fn currency(field: Field, value: &str) -> Result<String> {
    let code = value.trim().to_ascii_uppercase();
    if code.len() == 3 && ISO_4217.split_whitespace().any(|c| c == code) {
        Ok(code)
    } else {
        Err(CoreError::invalid(
            field,
            format!(
                "{:?} is not an ISO 4217 currency code such as USD or EUR",
                value.trim()
            ),
        ))
    }
}

fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: Field = Field::new("title", "Title");
    const CURRENCY: Field = Field::new("currency", "Currency");
    const NUMBER: Field = Field::new("effort_weeks", "Effort");

    #[test]
    fn text_limits_count_characters_after_trimming() {
        assert_eq!(text(TITLE, "  héllo ", 1, 5).unwrap(), "héllo");
        let err = text(TITLE, "   ", 1, 5).unwrap_err().to_string();
        assert_eq!(err, "Title: must not be empty.");
        let key = text(TITLE, "", 1, 5).unwrap_err();
        assert_eq!(
            key.field(),
            Some("title"),
            "the UI finds the field by its key"
        );
        let err = text(TITLE, &"x".repeat(1201), 1, 1200)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "Title: must be at most 1,200 characters (it has 1,201)."
        );
    }

    #[test]
    fn currency_accepts_iso_codes_only() {
        assert_eq!(currency(CURRENCY, " eur ").unwrap(), "EUR");
        assert!(
            currency(CURRENCY, "XYZ").is_err(),
            "XYZ is not an ISO 4217 code"
        );
        assert!(currency(CURRENCY, "EURO").is_err());
    }

    #[test]
    fn numbers_reject_nan_and_infinity() {
        assert!(positive(NUMBER, f64::NAN).is_err());
        assert!(non_negative(NUMBER, f64::INFINITY).is_err());
        assert!(between(NUMBER, 0.2, 0.25, 3.0).is_err());
        assert!(between(NUMBER, 3.0, 0.25, 3.0).is_ok());
    }
}
