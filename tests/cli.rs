//! The `hubquote` binary as a user runs it: exit codes, formats, located errors.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn hubquote(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hubquote"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        // A process that exits on bad usage may not read its input.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn preset(name: &str) -> String {
    let out = hubquote(&["example", name], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn example_lists_every_preset_and_prints_one() {
    let out = hubquote(&["example"], None);
    assert!(out.status.success());
    let list = text(&out.stdout);
    for id in [
        "course-50",
        "research-gpu-dask",
        "university-2000",
        "network-5",
        "community-pays-gcp",
        "jetstream2",
    ] {
        assert!(list.contains(id), "{id} missing from:\n{list}");
    }
    assert!(preset("course-50").contains("\"format\": \"hubquote.scenario/1\""));
    let out = hubquote(&["example", "nope"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("course-50"));
}

#[test]
fn quote_from_stdin_in_every_format() {
    let scenario = preset("research-gpu-dask");
    let date = ["--date", "2026-11-21"];
    for (format, needle) in [
        ("json", "\"first_year_total_cost\": \"23367.48\""),
        ("text", "FIRST YEAR TOTAL COST                                       $23,367.48"),
        ("markdown", "| First-year total cost | $23,367.48 |"),
        ("csv", "id,section,hub,label,quantity,unit,unit_price,amount,period,months,first_year,kind,rationale"),
    ] {
        let mut args = vec!["quote", "-", "--format", format];
        args.extend(date);
        let out = hubquote(&args, Some(&scenario));
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains(needle), "{format}:\n{}", text(&out.stdout));
    }
}

#[test]
fn output_file_and_tier_override() {
    let dir = std::env::temp_dir().join(format!("hubquote-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("s.json");
    std::fs::write(&scenario, preset("course-50")).unwrap();
    let out_file = dir.join("q.json");
    let out = hubquote(
        &[
            "quote",
            scenario.to_str().unwrap(),
            "--tier",
            "Advanced",
            "--date",
            "2026-11-21",
            "--format",
            "json",
            "-o",
            out_file.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let q: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(q["tier"]["name"], "Advanced");
    assert_eq!(q["recommendation"]["recommended"], "Essential");
}

#[test]
fn invalid_scenario_exits_1_and_names_the_field_with_its_position() {
    let bad = r#"{
  "format": "hubquote.scenario/1",
  "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
  "account": "2i2c-managed", "billing": "2i2c-pays", "active_months": 12,
  "hubs": [{ "name": "h", "registered_users": 100, "monthly_active_users": 300,
             "hours_per_user": "abc", "size": "Small", "home_gb_per_user": 1 }]
}"#;
    let out = hubquote(&["quote", "-"], Some(bad));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("<stdin>:6:32: error: hubs[0].hours_per_user: \"abc\" is not a number"),
        "{err}"
    );
    // After fixing the type error the rule error shows, located.
    let out = hubquote(&["quote", "-"], Some(&bad.replace("\"abc\"", "10")));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("<stdin>:5:76: error: hubs[0].monthly_active_users: 300 monthly active users is more than the 100 registered users"), "{err}");
}

#[test]
fn a_tier_that_does_not_allow_the_scenario_is_an_error_naming_the_fix_at_its_place() {
    let s = preset("network-5");
    let line_of = |needle: &str| s.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let out = hubquote(&["quote", "-", "--tier", "Advanced"], Some(&s));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(
        err,
        format!(
            "<stdin>: Advanced does not allow this scenario:\n<stdin>:{}:11: error: hubs: 5 hubs exceed Advanced's limit of 3 and need Premier\n",
            line_of("\"hubs\"")
        )
    );
    let out = hubquote(&["quote", "-", "--tier", "Essential"], Some(&s));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "<stdin>:{}:15: error: provider: Google Cloud Platform needs Advanced or above",
            line_of("\"provider\"")
        )),
        "{err}"
    );
    // No tier at all: each tier's conflicts, named.
    let many: serde_json::Value = serde_json::from_str(&s).unwrap();
    let mut many = many;
    let hub = many["hubs"][0].clone();
    many["hubs"] = (0..11)
        .map(|i| {
            let mut h = hub.clone();
            h["name"] = format!("h{i}").into();
            h
        })
        .collect();
    many["tier"] = "recommend".into();
    let out = hubquote(&["quote", "-"], Some(&many.to_string()));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("<stdin>: no tier allows this scenario:\n"),
        "{err}"
    );
    assert!(
        err.contains("<stdin>:1:"),
        "located in the one-line document: {err}"
    );
    assert!(
        err.contains("error: hubs: Premier: 11 hubs exceed Premier's limit of 10, and no tier allows more than 10"),
        "{err}"
    );
}

#[test]
fn an_unknown_tier_on_the_command_line_is_bad_usage() {
    let out = hubquote(
        &["quote", "-", "--tier", "Gold"],
        Some(&preset("course-50")),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "--tier: unknown tier \"Gold\": choose one of Essential, Advanced, Premier or \"recommend\"\n"
    );
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(hubquote(&["quote"], None).status.code(), Some(2));
    assert_eq!(hubquote(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(
        hubquote(&["schema", "nothing"], None).status.code(),
        Some(2)
    );
    let s = preset("course-50");
    assert_eq!(
        hubquote(&["quote", "-", "--date", "21/11/2026"], Some(&s))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        hubquote(&["quote", "-", "--format", "pdfx"], Some(&s))
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn check_reports_every_error_with_line_and_column() {
    let broken = r#"{
  name: "Broken",
  version: "1",
  items: [
    { id: "a", group: "G", label: "A", help: "h", perTier: { One: { kind: "flag", available: true } } },
    { id: "a", group: "G", label: "B", help: "h", perTier: { One: { kind: "dial" } } },
  ],
}"#;
    let out = hubquote(&["check", "-"], Some(broken));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("<stdin>:6:75: error: items[1].perTier.One.kind: unknown kind \"dial\""),
        "{err}"
    );
    assert!(
        err.contains("<stdin>:6:11: error: items[1].id: the item id \"a\" is used more than once"),
        "{err}"
    );
    assert!(err.contains("<stdin>: 2 errors"), "{err}");
    let ok = hubquote(
        &[
            "check",
            "../shared/reference/hub-configurator/catalog_20250825.json",
        ],
        None,
    );
    let present =
        std::path::Path::new("../shared/reference/hub-configurator/catalog_20250825.json").exists();
    assert!(
        present || std::env::var_os("CI").is_none(),
        "shared/ is missing in CI"
    );
    if present {
        assert!(ok.status.success(), "{}", text(&ok.stderr));
        assert!(text(&ok.stdout).contains("feature-only"));
    }
}

#[test]
fn quoting_with_a_feature_only_catalog_says_prices_are_unavailable() {
    let dir = std::env::temp_dir().join(format!("hubquote-v2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cat = dir.join("v2.json");
    std::fs::write(&cat, r#"{"name":"V2","version":"1","items":[{"id":"a","group":"G","label":"A","help":"h","perTier":{"Essential":{"kind":"flag","available":true}}}]}"#).unwrap();
    let out = hubquote(
        &["quote", "-", "--catalog", cat.to_str().unwrap()],
        Some(&preset("course-50")),
    );
    assert_eq!(out.status.code(), Some(1));
    // At the catalog, not at the scenario.
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}:1:1: error: the catalog \"V2\" has no prices: it can compare tiers but not quote\n",
            cat.display()
        )
    );
    for args in [&["example"][..], &["example", "course-50"]] {
        let mut args = args.to_vec();
        args.extend(["--catalog", cat.to_str().unwrap()]);
        let out = hubquote(&args, None);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "the catalog \"V2\" has no presets\n",
            "{args:?}"
        );
    }
}

#[test]
fn input_is_read_up_to_the_cap_and_no_further() {
    // `/dev/zero` never ends: reading it whole would run until memory is exhausted.
    let start = std::time::Instant::now();
    let out = hubquote(&["quote", "/dev/zero"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("/dev/zero: the document is larger than the limit of 4194304 bytes"),
        "{}",
        text(&out.stderr)
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    // Standard input too, and a document exactly at the cap is read (and then parsed).
    let over = " ".repeat(4 * 1024 * 1024 + 1);
    let out = hubquote(&["check", "-"], Some(&over));
    assert!(
        text(&out.stderr).contains("<stdin>: the document is larger"),
        "{}",
        text(&out.stderr)
    );
    let at_cap = format!("{{}}{}", " ".repeat(4 * 1024 * 1024 - 2));
    let out = hubquote(&["check", "-"], Some(&at_cap));
    assert!(
        text(&out.stderr).contains("<stdin>:1:1: error: name: is missing"),
        "{}",
        text(&out.stderr)
    );
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/golden/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn diff_prints_the_golden_diff_in_every_format_and_exits_0() {
    let (a, b) = (fixture("sales-call-a.json"), fixture("sales-call-b.json"));
    for (format, file) in [
        ("text", "sales-call.diff.txt"),
        ("json", "sales-call.diff.json"),
        ("markdown", "sales-call.diff.md"),
    ] {
        let out = hubquote(
            &["diff", &a, &b, "--date", "2026-11-21", "--format", format],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), golden(file), "{format}");
    }
    let out = hubquote(&["diff", &a, &b, "--date", "2026-11-21"], None);
    assert!(text(&out.stdout).contains("~ Monthly active users, Course hub: 50 → 80"));
}

#[test]
fn diff_reads_quote_files_and_refuses_bad_input() {
    let dir = std::env::temp_dir().join(format!("hubquote-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let quote_a = dir.join("a.quote.json");
    let a = fixture("sales-call-a.json");
    let out = hubquote(
        &[
            "quote",
            &a,
            "--date",
            "2026-11-21",
            "--format",
            "json",
            "-o",
            quote_a.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The quote file brings its date; B is priced on the same one.
    let b = fixture("sales-call-b.json");
    let out = hubquote(
        &[
            "diff",
            quote_a.to_str().unwrap(),
            &b,
            "--date",
            "2026-11-21",
        ],
        None,
    );
    assert_eq!(text(&out.stdout), golden("sales-call.diff.txt"));
    let out = hubquote(&["diff", &a, "-"], Some("{ not json"));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("<stdin>"),
        "{}",
        text(&out.stderr)
    );
    let out = hubquote(&["diff", &a, &b, "--date", "21/11/2026"], None);
    assert_eq!(out.status.code(), Some(2));
    // A tier that does not allow B: at its place in the file, as `quote` and `batch` say it.
    let mut refused: serde_json::Value = serde_json::from_str(&preset("network-5")).unwrap();
    refused["tier"] = "Advanced".into();
    let refused = serde_json::to_string_pretty(&refused).unwrap();
    let line = refused
        .lines()
        .position(|l| l.contains("\"hubs\""))
        .unwrap()
        + 1;
    let out = hubquote(&["diff", &a, "-"], Some(&refused));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("<stdin>:{line}:11: error: hubs: Advanced does not allow it: 5 hubs exceed Advanced's limit of 3 and need Premier\n")
    );
}

#[test]
fn link_is_the_apps_customer_link_without_notes() {
    use hubquote::scenario::share;
    let b = fixture("sales-call-b.json");
    let out = hubquote(
        &["link", &b, "--base", "https://hubs.example.org/quote"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let c = hubquote::catalog::Catalog::embedded().unwrap().catalog;
    let s = hubquote::scenario::Scenario::load(&std::fs::read_to_string(&b).unwrap(), &c).unwrap();
    assert!(!s.notes.is_empty(), "the fixture has notes to leave out");
    let id = share::CatalogId::of(&c, None);
    let expected = share::customer_link("https://hubs.example.org/quote", &s, &id);
    assert_eq!(text(&out.stdout), expected + "\n");
    let link = text(&out.stdout);
    let fragment = link.trim().split_once('#').unwrap().1;
    assert_eq!(share::made_with(fragment), share::MadeWith::Catalog(id));
    let shared = share::decode(share::in_fragment(fragment).unwrap()).unwrap();
    assert!(shared.notes.is_empty());
    assert_eq!(shared.negotiated, s.negotiated);
    // No --base and a catalog without `pricing.seller.app_url`: bad usage, saying what to do.
    let out = hubquote(&["link", &b], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--base"),
        "{}",
        text(&out.stderr)
    );
    // A published catalog's address goes into the link.
    let url = "https://hubs.example.org/catalog.json";
    let out = hubquote(
        &["link", &b, "--base", "https://x.org/", "--catalog-url", url],
        None,
    );
    let link = text(&out.stdout);
    let named = share::made_with(link.trim().split_once('#').unwrap().1);
    assert_eq!(
        named,
        share::MadeWith::Catalog(share::CatalogId::of(&c, Some(url)))
    );
    let out = hubquote(&["link", &b, "--base", "https://x.org/#s=old"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = hubquote(&["link", "-", "--base", "https://x.org/"], Some("{}"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn internal_says_so_on_its_face_and_the_default_copy_is_the_customers() {
    let b = fixture("sales-call-b.json");
    let date = ["--date", "2026-11-21"];
    let staff = hubquote(&["quote", &b, "--internal", date[0], date[1]], None);
    assert!(staff.status.success(), "{}", text(&staff.stderr));
    let staff = text(&staff.stdout);
    assert!(
        staff.starts_with("Internal copy — not for the customer\n"),
        "{staff}"
    );
    assert!(staff.contains("the department chair signs in January"));
    let customer = text(&hubquote(&["quote", &b, date[0], date[1]], None).stdout);
    assert!(!customer.contains("Internal copy"));
    assert!(!customer.contains("department chair"));
    let json = text(
        &hubquote(
            &[
                "quote",
                &b,
                "--internal",
                "--format",
                "json",
                date[0],
                date[1],
            ],
            None,
        )
        .stdout,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["internal"]["notice"],
        "Internal copy — not for the customer"
    );
    let json = text(&hubquote(&["quote", &b, "--format", "json", date[0], date[1]], None).stdout);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v.get("internal").is_none());
    assert_eq!(v["scenario"]["notes"], "");
}

#[test]
fn justification_is_the_golden_paragraphs() {
    let scenario = preset("network-5");
    let out = hubquote(
        &[
            "quote",
            "-",
            "--format",
            "justification",
            "--date",
            "2026-11-21",
        ],
        Some(&scenario),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), golden("network-5.justification.txt"));
}

/// Runs `args` with standard output going to `stdout`.
fn hubquote_to(args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hubquote"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_failed_write_to_standard_output_is_an_error() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let s = std::env::temp_dir().join(format!("hubquote-full-{}.json", std::process::id()));
    std::fs::write(&s, preset("course-50")).unwrap();
    let s = s.to_str().unwrap();
    for args in [
        &["example"][..],
        &["example", "course-50"],
        &["schema", "quote"],
        &["check", "public/catalog.json5"],
        &["quote", s],
        &["quote", s, "--format", "pdf", "-o", "-"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = hubquote_to(args, Stdio::from(full));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains("standard output: No space left on device"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hubquote"))
        .args(["check", "public/catalog.json5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    // Written before the pipe closed (0) or refused by it (1): never a panic or a message.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    assert_eq!(text(&out.stderr), "");
}

/// A fresh directory of its own for a test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hubquote-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn batch_prices_every_file_in_the_order_given_and_a_directory_by_name() {
    let dir = scratch("batch");
    for id in ["network-5", "course-50"] {
        std::fs::write(dir.join(format!("{id}.json")), preset(id)).unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "not a scenario").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/jetstream2.json"), preset("jetstream2")).unwrap();
    let one = dir.join("sub/jetstream2.json");
    let (one, all) = (one.to_str().unwrap(), dir.to_str().unwrap());
    let out = hubquote(&["batch", one, all, "--date", "2026-11-21"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = jsonl(&out);
    let paths: Vec<&str> = rows.iter().map(|r| r["path"].as_str().unwrap()).collect();
    // The file first, then the directory's .json files by name; not notes.txt, not sub/.
    assert_eq!(
        paths,
        [
            one.to_string(),
            format!("{all}/course-50.json"),
            format!("{all}/network-5.json")
        ]
    );
    assert_eq!(rows[1]["quote"]["number"], "HQ-20261121-4F8F80");
    assert_eq!(
        rows[1]["quote"]["totals"]["first_year_total_cost"],
        "8264.78"
    );
    assert_eq!(rows[2]["quote"]["status"], "final");
}

#[test]
fn batch_reports_a_bad_file_as_a_row_and_exits_1() {
    let dir = scratch("batch-bad");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, preset("course-50").replace("\"Small\"", "\"Tiny\"")).unwrap();
    std::fs::write(dir.join("binary.json"), [0xff, 0xfe, 0x00]).unwrap();
    let missing = dir.join("missing.json");
    let good = preset("course-50");
    let args = [
        "batch",
        bad.to_str().unwrap(),
        "-",
        missing.to_str().unwrap(),
    ];
    let out = hubquote(&args, Some(&good));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("2 of 3 files did not price"),
        "{}",
        text(&out.stderr)
    );
    let rows = jsonl(&out);
    assert_eq!(rows[0]["status"], "error");
    assert_eq!(rows[0]["error"]["field"], "hubs[0].size");
    assert!(rows[0]["error"]["line"].as_u64().is_some());
    assert_eq!(
        (rows[1]["path"].as_str(), rows[1]["status"].as_str()),
        (Some("<stdin>"), Some("ok"))
    );
    assert_eq!(rows[2]["status"], "error");
    // CSV: a header, then a record per file; the directory's unreadable file is a row too.
    let out = hubquote(&["batch", "--format", "csv", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("path,status,number,date,tier,tier_label,quote_status,one_off,"));
    assert!(lines[1].contains("bad.json,error,"), "{csv}");
    assert!(
        lines[2].contains("binary.json,error,") && lines[2].contains("not UTF-8"),
        "{csv}"
    );
    // Bad usage: a bad date, no files.
    assert_eq!(
        hubquote(&["batch", "-", "--date", "tomorrow"], Some(&good))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(hubquote(&["batch"], None).status.code(), Some(2));
}

#[test]
fn batch_rows_follow_their_schema() {
    let out = hubquote(&["schema", "batch"], None);
    let schema: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let out = hubquote(&["batch", "-", "nope.json"], Some(&preset("course-50")));
    for row in jsonl(&out) {
        for req in schema["required"].as_array().unwrap() {
            assert!(row.get(req.as_str().unwrap()).is_some(), "{req} in {row}");
        }
        let known = schema["properties"].as_object().unwrap();
        assert!(
            row.as_object()
                .unwrap()
                .keys()
                .all(|k| known.contains_key(k)),
            "{row}"
        );
    }
}

#[test]
fn summary_and_impact_in_every_format_with_their_exit_codes() {
    let dir = scratch("book");
    for id in ["course-50", "university-2000", "network-5"] {
        std::fs::write(dir.join(format!("{id}.json")), preset(id)).unwrap();
    }
    let d = dir.to_str().unwrap();
    let new = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/catalogs/2026-general-premier.json5"
    );
    let old = concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.json5");
    for (format, needle) in [
        ("text", "Total, revenue and cloud                           $8,264.78    $86,082.12  $103,024.52    $197,371.42"),
        ("json", "\"format\": \"hubquote.summary/1\""),
        ("csv", ",All tiers,3,membership,Membership,70000.00,0.00"),
        ("markdown", "| Membership | $5,000.00 | $15,000.00 | $50,000.00 | $70,000.00 |"),
    ] {
        let out = hubquote(&["summary", d, "--format", format], None);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains(needle), "{format}:\n{}", text(&out.stdout));
    }
    for (format, needle) in [
        ("text", "3 files: 1 up, 0 down, 2 the same"),
        ("json", "\"format\": \"hubquote.impact/1\""),
        (
            "csv",
            "course-50.json,priced,up,Essential,General,8264.78,20578.74,12313.96,148.99,",
        ),
        (
            "markdown",
            "| Membership | $70,000.00 | $80,000.00 | +$10,000.00 | +14.29% |",
        ),
    ] {
        let out = hubquote(
            &["impact", "--from", old, "--to", new, d, "--format", format],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stdout).contains(needle),
            "{format}:\n{}",
            text(&out.stdout)
        );
    }
    // A file that does not price: still every other row, exit 1.
    std::fs::write(dir.join("zz-bad.json"), "{").unwrap();
    let out = hubquote(&["summary", d], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("3 quotes priced with"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stdout).contains("zz-bad.json:1:2:"),
        "{}",
        text(&out.stdout)
    );
    let out = hubquote(&["impact", "--from", old, "--to", new, d], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("zz-bad.json: not priced"),
        "{}",
        text(&out.stdout)
    );
    // A file that cannot be read is a row saying why (as a batch says), not an empty one.
    std::fs::write(dir.join("zz-binary.json"), [0xff, 0xfe, 0x00]).unwrap();
    let missing = dir.join("missing.json");
    let missing = missing.to_str().unwrap();
    let out = hubquote(&["summary", d, missing], None);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(
        said.contains("zz-binary.json: the file is not UTF-8 text"),
        "{said}"
    );
    assert!(said.contains("missing.json: No such file"), "{said}");
    let args = [
        "impact", "--from", old, "--to", new, d, missing, "--format", "json",
    ];
    let out = hubquote(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let i: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = |name: &str| {
        let rows = i["rows"].as_array().unwrap();
        let r = rows
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name));
        let r = r.unwrap_or_else(|| panic!("no {name} in {i}"));
        (
            r["status"].clone(),
            r["error"]["message"].as_str().unwrap().to_string(),
        )
    };
    let (status, why) = row("zz-binary.json");
    assert_eq!(
        (status, why.as_str()),
        ("error".into(), "the file is not UTF-8 text")
    );
    let (status, why) = row("missing.json");
    assert!(
        status == "error" && why.starts_with("No such file"),
        "{why}"
    );
    // zz-bad, zz-binary and missing; the three presets still priced.
    assert_eq!(i["summary"]["errors"], 3);
    assert_eq!(i["rows"].as_array().unwrap().len(), 6);
    // --date as batch and summary take it: a bad one is bad usage.
    let dated = [
        "impact",
        "--from",
        old,
        "--to",
        new,
        "--date",
        "2026-11-21",
        d,
    ];
    assert_eq!(hubquote(&dated, None).status.code(), Some(1));
    let args = [
        "impact", "--from", old, "--to", new, "--date", "tomorrow", d,
    ];
    assert_eq!(hubquote(&args, None).status.code(), Some(2));
    // Both catalogs are required.
    assert_eq!(
        hubquote(&["impact", "--to", new, d], None).status.code(),
        Some(2)
    );
}
