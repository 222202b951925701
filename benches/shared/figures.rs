//! Writing the benchmarks' figures: shared by every bench that prints a table.

/// 1234567 as "1,234,567".
#[allow(dead_code)] // not every bench prints counts
pub fn grouped(n: u64) -> String {
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

/// A duration in the unit that reads best: "90 ns", "12.3 µs", "7.38 ms".
#[allow(dead_code)] // not every bench prints durations
pub fn duration(d: std::time::Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1_000.0 {
        format!("{:.2} ms", us / 1_000.0)
    } else if us < 1.0 {
        format!("{:.0} ns", us * 1_000.0)
    } else {
        format!("{us:.1} µs")
    }
}
