/// Formats a value as Recognizers-Text resolves numbers: integers in full,
/// other values to 15 significant digits, and scientific notation
/// (`1E-12`, `1.2732E+15`) below 1e-5 or from 1e15 up for non-integers.
pub fn format_value(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let magnitude = v.abs();
    if v.fract() == 0.0 && magnitude < 1e15 {
        return format!("{}", v as i64);
    }
    let exponent = magnitude.log10().floor() as i32;
    if !(-5..15).contains(&exponent) {
        // 15 significant digits in scientific notation, trailing zeros off.
        let s = format!("{:.14e}", v);
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = trim_zeros(mantissa);
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}E{sign}{:02}", exp.abs());
    }
    let decimals = (14 - exponent).max(0) as usize;
    trim_zeros(&format!("{:.*}", decimals, v)).to_string()
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_conformance_suite() {
        for (v, s) in [
            (192.0, "192"),
            (0.08, "0.08"),
            (4.8, "4.8"),
            (2.0 / 3.0, "0.666666666666667"),
            (103.0 + 2.0 / 3.0, "103.666666666667"),
            (1e-12, "1E-12"),
            (1e-7, "1E-07"),
            (-1.2732e15, "-1.2732E+15"),
            (1.232e15, "1.232E+15"),
            (123456789101231.0, "123456789101231"),
            (-0.8, "-0.8"),
            (0.000623, "0.000623"),
            (8.954302432552389, "8.95430243255239"),
        ] {
            assert_eq!(format_value(v), s, "{v}");
        }
    }
}
