//! Reading documents at the size cap (4 MiB), one per class of input that once cost far
//! more than its size (issue 13 §1): time and peak memory of each, in release mode.
//!
//!   cargo bench --bench source             # every class, each in its own process
//!   cargo bench --bench source -- 3        # only the fourth class
//!
//! Each class runs in a child process (so that a class that runs away is stopped after
//! `LIMIT` and one that exhausts memory is reported, not fatal), which reports its time,
//! its peak heap (a counting allocator) and its peak resident size (VmHWM). The bound
//! (issue 13): < 1 s and < 256 MB each.

#[path = "../tests/support/faces.rs"]
mod faces;
#[path = "../tests/support/heap.rs"]
mod heap;
#[path = "../tests/source_bounds/inputs.rs"]
mod inputs;
#[path = "../tests/source_bounds/priced.rs"]
mod priced;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: heap::Counting = heap::Counting;

/// A child still running after this is stopped and reported as such.
const LIMIT: Duration = Duration::from_secs(60);
const MB: f64 = 1_000_000.0;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let [flag, i] = args.as_slice() {
        if flag == "--child" {
            return child(i.parse().expect("a case number"));
        }
    }
    let only: Option<usize> = args.first().and_then(|a| a.parse().ok());
    let names: Vec<&str> = cases().iter().map(|c| c.name).collect();
    println!(
        "{:<68} {:>9} {:>10} {:>10}  outcome",
        "class (at the 4 MiB cap or at every limit)", "time", "heap peak", "RSS peak"
    );
    for (i, name) in names.iter().enumerate() {
        if only.is_some_and(|o| o != i) {
            continue;
        }
        println!("{name:<68} {}", parent(i));
    }
}

/// The documents at the size cap, then those at every limit.
fn cases() -> Vec<inputs::Case> {
    let mut all = inputs::cases();
    all.extend(priced::cases());
    all
}

/// Runs case `i` in a child process and formats its report line.
fn parent(i: usize) -> String {
    let exe = std::env::current_exe().expect("the bench's own path");
    let mut child = Command::new(exe)
        .args(["--child", &i.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut out = String::new();
            if let Some(mut o) = child.stdout.take() {
                use std::io::Read;
                let _ = o.read_to_string(&mut out);
            }
            return if status.success() {
                out.trim().to_string()
            } else {
                format!(
                    "failed after {:.1} s ({status}): ran out of memory?",
                    start.elapsed().as_secs_f64()
                )
            };
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return format!("stopped after {} s", LIMIT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn child(i: usize) {
    let case = cases().into_iter().nth(i).expect("a case");
    let text = (case.make)();
    let cost = inputs::measure(&text, case.read);
    println!(
        "{:>7.0} ms {:>7.1} MB {:>7.1} MB  {} ({} bytes of report)",
        cost.time.as_secs_f64() * 1000.0,
        cost.peak_bytes as f64 / MB,
        peak_rss() as f64 / MB,
        cost.outcome.summary,
        cost.outcome.report_bytes
    );
}

/// The process's peak resident size in bytes (Linux; 0 elsewhere).
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}
