//! The quote as a PDF: US Letter pages, the standard-14 Helvetica fonts (not embedded,
//! WinAnsi text), real selectable text, deterministic bytes. The same code runs in the
//! browser (wasm) and in the CLI. Layout, encoding and substitution: `docs/pdf.md`.

mod content;
mod layout;
mod metrics;
mod winansi;

use self::content::{centi, Stream};
use self::layout::{
    Align, Block, Cell, Color, Doc, Op, Page, Style, ACCENT, BLACK, BOTTOM, GRAY, LEFT, PAGE_H,
    PAGE_W, RIGHT, WIDTH,
};
use self::metrics::Font;
use super::copy::{internal_items, mark_line, INTERNAL_HEADING};
use super::line_text::quantity_times_price;
use super::visible::visible;
use super::years_table;
use crate::quote::labels;
use crate::quote::{Line, LineKind, Period, Quote};
use pdf_writer::{Finish, Name, Pdf, Ref, TextStr};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

const TITLE: Style = Style::new(Font::Bold, 18.0, ACCENT);
const H1: Style = Style::new(Font::Bold, 11.5, ACCENT);
const BODY: Style = Style::new(Font::Regular, 9.0, BLACK);
const BODY_B: Style = Style::new(Font::Bold, 9.0, BLACK);
const BIG_B: Style = Style::new(Font::Bold, 10.5, BLACK);
const SMALL: Style = Style::new(Font::Regular, 8.0, BLACK);
const SMALL_B: Style = Style::new(Font::Bold, 8.0, BLACK);
const SMALL_GRAY: Style = Style::new(Font::Regular, 7.5, GRAY);
const LABEL: Style = Style::new(Font::Bold, 7.0, GRAY);
const WARN: Style = Style::new(Font::Bold, 11.5, Color(62, 12, 10));

const BOX: Color = Color(93, 95, 98);
const HEAD_BAND: Color = Color(84, 88, 94);
const SECTION_BAND: Color = Color(95, 95, 95);

/// Table columns: (x, width, alignment).
const COL_NO: (f32, f32) = (LEFT + 2.0, 16.0);
const COL_ITEM: (f32, f32) = (LEFT + 20.0, 170.0);
const COL_QTY: (f32, f32) = (LEFT + 196.0, 118.0);
const COL_PERIOD: (f32, f32) = (LEFT + 320.0, 64.0);
const COL_AMOUNT: (f32, f32) = (LEFT + 386.0, 60.0);
const COL_FIRST: (f32, f32) = (LEFT + 450.0, WIDTH - 452.0);

/// The text exactly as the PDF shows it: WinAnsi characters as they are, the few
/// typographic look-alikes (− → -, ≈ → ~), and `[U+XXXX]` for anything else.
pub fn pdf_text(s: &str) -> String {
    winansi::shown(s)
}

/// The quote as a PDF document. Same quote, same bytes.
pub fn to_pdf(q: &Quote) -> Vec<u8> {
    let pages = lay_out(q);
    write(q, &pages)
}

fn cell(col: (f32, f32), align: Align) -> Cell {
    Cell::new(col.0, col.1, align)
}

fn lay_out(q: &Quote) -> Vec<Page> {
    let mut doc = Doc::new();
    header(&mut doc, q);
    summary(&mut doc, q);
    warnings(&mut doc, q);
    table(&mut doc, q);
    years(&mut doc, q);
    cloud_band(&mut doc, q);
    why(&mut doc, q);
    explanations(&mut doc, q);
    bullets(&mut doc, INTERNAL_HEADING, &internal_items(q));
    bullets(&mut doc, "Assumptions", &q.assumptions);
    bullets(&mut doc, "Terms", &q.terms);
    heading(&mut doc, "Catalog", H1, SMALL.leading() * 2.0);
    let c = &q.catalog;
    paragraph(
        &mut doc,
        &format!(
            "Priced with {} {} (prices effective {}).\nsha256 {}",
            c.name, c.version, c.effective_date, c.sha256
        ),
        SMALL,
    );
    doc.finish()
}

fn header(doc: &mut Doc, q: &Quote) {
    let s = &q.seller;
    let mut left = Cell::new(LEFT, 300.0, Align::Left).text(TITLE, &s.name);
    for extra in [&s.address, &s.contact, &s.website] {
        if !extra.trim().is_empty() {
            left.push(SMALL_GRAY, extra.trim());
        }
    }
    let right = Cell::new(RIGHT - 200.0, 200.0, Align::Right)
        .text(TITLE, "Quote")
        .text(BODY_B, &format!("No. {}", q.number))
        .text(BODY, &format!("Date {}", q.date))
        .text(BODY, &format!("Valid until {}", q.valid_until));
    doc.place(&Block {
        keep: true,
        ..Block::new(vec![left, right])
    });
    doc.space(6.0);
    doc.rule(1.2, ACCENT);
    doc.space(10.0);

    let half = WIDTH / 2.0;
    let mut for_cell = Cell::new(LEFT, half - 12.0, Align::Left).text(LABEL, "PREPARED FOR");
    let name = q.customer.name.trim();
    for_cell.push(
        BIG_B,
        if name.is_empty() {
            "(no customer named)"
        } else {
            name
        },
    );
    if !q.customer.contact.trim().is_empty() {
        for_cell.push(BODY, q.customer.contact.trim());
    }
    let mut by_cell = Cell::new(LEFT + half, half, Align::Left).text(LABEL, "PREPARED BY");
    let by = q.prepared_by.trim();
    by_cell.push(BIG_B, if by.is_empty() { &s.name } else { by });
    if !by.is_empty() {
        by_cell.push(BODY, &s.name);
    }
    doc.place(&Block {
        keep: true,
        ..Block::new(vec![for_cell, by_cell])
    });
    doc.space(12.0);
}

/// One key/value row of the summary box.
fn summary_row(key: &str, key_style: Style, value: &str, value_style: Style) -> Block {
    let k = Cell::new(LEFT + 10.0, 250.0, Align::Left).text(key_style, key);
    let v = Cell::new(LEFT + 266.0, WIDTH - 276.0, Align::Right).text(value_style, value);
    Block {
        band: Some(BOX),
        ..Block::new(vec![k, v])
    }
}

fn summary(doc: &mut Doc, q: &Quote) {
    let mut rows = summary_rows(q);
    if let Some(first) = rows.first_mut() {
        first.pad = 4.0;
    }
    if let Some(last) = rows.last_mut() {
        last.pad = 4.0;
    }
    let total: f32 = rows.iter().map(Block::height).sum();
    doc.ensure(total);
    for r in &rows {
        doc.place(r);
    }
    doc.space(14.0);
}

/// The summary box's rows: the tier and cloud, then the totals a reader looks for first.
fn summary_rows(q: &Quote) -> Vec<Block> {
    let c = &q.currency;
    let t = &q.totals;
    let hubs = q.scenario.hubs.len();
    let months = q.scenario.active_months;
    let facts = format!(
        "{hubs} hub{}, {months} active month{} a year, {}-year term",
        plural_s(hubs),
        plural_s(months as usize),
        t.term_years
    );
    let cloud = format!(
        "{} {} · {}",
        q.cloud.provider_label, q.cloud.region_label, q.cloud.account_label
    );
    let mut rows = vec![
        summary_row(&labels::membership(q), H1, &facts, SMALL_GRAY),
        summary_row(&q.tier.for_whom, SMALL_GRAY, &cloud, SMALL_GRAY),
        summary_row(
            labels::FIRST_YEAR_TOTAL_COST,
            BIG_B,
            &c.format(t.first_year_total_cost),
            BIG_B,
        ),
        summary_row(
            &labels::first_year_invoice_from(q),
            BODY_B,
            &c.format(t.first_year_invoice),
            BODY_B,
        ),
    ];
    for (label, amount) in [
        (labels::AVERAGE_MONTH, t.average_month),
        (labels::FEES_PER_ACTIVE_MONTH, t.monthly_fees),
        (labels::CLOUD_PER_ACTIVE_MONTH, t.monthly_cloud),
    ] {
        rows.push(summary_row(label, BODY, &c.format(amount), BODY));
    }
    if !t.one_off.is_zero() {
        rows.push(summary_row(
            labels::ONE_OFF,
            BODY,
            &c.format(t.one_off),
            BODY,
        ));
    }
    rows.push(summary_row(
        &labels::whole_term(t.term_years),
        BODY_B,
        &c.format(t.term_total),
        BODY_B,
    ));
    rows.push(summary_row(
        labels::CLOUD_BILL,
        BODY,
        &labels::cloud_bill(q),
        BODY,
    ));
    rows
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn heading(doc: &mut Doc, text: &str, style: Style, next: f32) {
    let block = Block {
        pad: 2.0,
        ..Block::new(vec![Cell::new(LEFT, WIDTH, Align::Left).text(style, text)])
    };
    // A heading never ends a page: it goes with the start of what follows.
    doc.ensure(block.height() + next);
    doc.place(&block);
    doc.space(2.0);
}

fn paragraph(doc: &mut Doc, text: &str, style: Style) {
    let block = Block {
        keep: true,
        ..Block::new(vec![Cell::new(LEFT, WIDTH, Align::Left).text(style, text)])
    };
    doc.place(&block);
    doc.space(8.0);
}

fn bullet_block(text: &str, style: Style) -> Block {
    let dot = Cell::new(LEFT + 3.0, 8.0, Align::Left).text(style, "•");
    let body = Cell::new(LEFT + 13.0, WIDTH - 13.0, Align::Left).text(style, text);
    Block {
        keep: true,
        pad: 1.0,
        ..Block::new(vec![dot, body])
    }
}

/// How much of a list must follow its heading on the same page: a short list (up to
/// about ten lines) stays whole, a longer one needs its first item.
fn lead(blocks: &[Block]) -> f32 {
    let all: f32 = blocks.iter().map(Block::height).sum();
    if all <= 110.0 {
        all
    } else {
        blocks.first().map_or(0.0, Block::height)
    }
}

fn bullets(doc: &mut Doc, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let blocks: Vec<Block> = items.iter().map(|i| bullet_block(i, SMALL)).collect();
    heading(doc, title, H1, lead(&blocks));
    for b in &blocks {
        doc.place(b);
    }
    doc.space(8.0);
}

fn warnings(doc: &mut Doc, q: &Quote) {
    if q.warnings.is_empty() {
        return;
    }
    let blocks: Vec<Block> = q
        .warnings
        .iter()
        .map(|w| bullet_block(&w.message, BODY))
        .collect();
    heading(doc, "Please note", WARN, lead(&blocks));
    for b in &blocks {
        doc.place(b);
    }
    doc.space(10.0);
}

fn table_header() -> Block {
    Block {
        band: Some(HEAD_BAND),
        pad: 3.0,
        ..Block::new(vec![
            cell(COL_NO, Align::Left).text(SMALL_B, "#"),
            cell(COL_ITEM, Align::Left).text(SMALL_B, "Item"),
            cell(COL_QTY, Align::Left).text(SMALL_B, "Quantity × unit price"),
            cell(COL_PERIOD, Align::Left).text(SMALL_B, "Period"),
            cell(COL_AMOUNT, Align::Right).text(SMALL_B, "Amount"),
            cell(COL_FIRST, Align::Right).text(SMALL_B, "First year"),
        ])
    }
}

fn period_text(l: &Line) -> String {
    match l.period {
        Period::Monthly => format!("per month × {}", l.months),
        p => p.label().to_string(),
    }
}

fn line_row(q: &Quote, n: usize, l: &Line) -> Block {
    let c = &q.currency;
    let mut period = cell(COL_PERIOD, Align::Left).text(SMALL, &period_text(l));
    if l.kind != LineKind::Fixed {
        period.push(SMALL_GRAY, l.kind.label());
    }
    Block {
        keep: true,
        pad: 2.5,
        rule_after: true,
        ..Block::new(vec![
            cell(COL_NO, Align::Left).text(SMALL_GRAY, &n.to_string()),
            cell(COL_ITEM, Align::Left).text(SMALL, &l.label),
            cell(COL_QTY, Align::Left).text(SMALL, &quantity_times_price(q, l)),
            period,
            cell(COL_AMOUNT, Align::Right).fit(SMALL, &c.format(l.amount)),
            cell(COL_FIRST, Align::Right).fit(SMALL, &c.format(l.first_year)),
        ])
    }
}

fn table(doc: &mut Doc, q: &Quote) {
    let header = table_header();
    let mut numbers = q.lines.iter().enumerate();
    let sections = q.sections();
    let first_row = sections
        .first()
        .and_then(|(_, ls)| ls.first())
        .map(|l| line_row(q, 1, l));
    let first = header.height() + first_row.as_ref().map_or(0.0, Block::height) + 20.0;
    heading(doc, "Line items", H1, first);
    doc.place(&header);
    doc.header = Some(header);
    let totals = totals_block(q);
    let last = sections.len().saturating_sub(1);
    for (s, (title, lines)) in sections.iter().enumerate() {
        let section = Block {
            band: Some(SECTION_BAND),
            pad: 2.0,
            ..Block::new(vec![
                Cell::new(LEFT + 4.0, WIDTH - 8.0, Align::Left).text(SMALL_B, title)
            ])
        };
        let mut rows = Vec::with_capacity(lines.len());
        for l in lines {
            // `sections()` keeps quote order, so numbers follow `q.lines`.
            let n = numbers.next().map_or(0, |(i, _)| i + 1);
            rows.push(line_row(q, n, l));
        }
        // The totals never start a page alone: they go with the last line.
        let tail = |i: usize| {
            if s == last && i + 1 == rows.len() {
                totals.height()
            } else {
                0.0
            }
        };
        // A section title never ends a page: it goes with its first line.
        doc.ensure(section.height() + rows.first().map_or(0.0, Block::height) + tail(0));
        doc.place(&section);
        for (i, r) in rows.iter().enumerate() {
            doc.ensure(r.height() + tail(i));
            doc.place(r);
        }
    }
    // Should the totals still start a page (no lines at all), the header comes along.
    doc.place(&totals);
    doc.header = None;
    doc.space(14.0);
}

/// The totals under the table: labels right-aligned against the first-year column.
fn totals_block(q: &Quote) -> Block {
    let c = &q.currency;
    let t = &q.totals;
    let mut rows: Vec<(String, Decimal, bool)> = Vec::new();
    if !t.one_off.is_zero() {
        rows.push((labels::ONE_OFF.into(), t.one_off, false));
    }
    rows.push((labels::FEES_PER_YEAR.into(), t.annual_fees, false));
    rows.push((labels::CLOUD_PER_YEAR.into(), t.annual_cloud, false));
    rows.push((
        labels::FIRST_YEAR_TOTAL_COST.into(),
        t.first_year_total_cost,
        true,
    ));
    if !t.annual_cloud_paid_to_provider.is_zero() {
        rows.push((
            labels::PAID_TO_PROVIDER_OF_WHICH.into(),
            t.annual_cloud_paid_to_provider,
            false,
        ));
    }
    rows.push((
        labels::FIRST_YEAR_INVOICE.into(),
        t.first_year_invoice,
        true,
    ));
    rows.push((labels::whole_term_formula(t.term_years), t.term_total, true));
    // Wide enough for any amount up to the quadrillions at full size.
    let value_w = 90.0;
    let mut names = Cell::new(LEFT, WIDTH - value_w - 12.0, Align::Right);
    let mut values = Cell::new(RIGHT - value_w, value_w, Align::Right);
    for (label, amount, bold) in &rows {
        let style = if *bold { BODY_B } else { BODY };
        names.push(style, label);
        values = values.fit(style, &c.format(*amount));
    }
    Block {
        keep: true,
        pad: 4.0,
        ..Block::new(vec![names, values])
    }
}

/// The year-by-year table of a term of two years or more: a column per heading, amounts
/// right-aligned and shrunk to fit.
fn years(doc: &mut Doc, q: &Quote) {
    let Some((headings, rows)) = years_table::table(q) else {
        return;
    };
    let w = WIDTH / headings.len().max(1) as f32;
    let row = |cells: &[String], style: Style, band: Option<Color>| {
        let cells = cells
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let at = LEFT + i as f32 * w + 2.0;
                // Words wrap (the year, the headings); an amount shrinks to fit its cell.
                match (i, band) {
                    (0, _) => Cell::new(at, w - 4.0, Align::Left).text(style, text),
                    (_, Some(_)) => Cell::new(at, w - 4.0, Align::Right).text(style, text),
                    _ => Cell::new(at, w - 4.0, Align::Right).fit(style, text),
                }
            })
            .collect();
        Block {
            keep: true,
            pad: 2.5,
            band,
            rule_after: band.is_none(),
            ..Block::new(cells)
        }
    };
    let mut blocks = vec![row(&headings, SMALL_B, Some(HEAD_BAND))];
    let last = rows.len().saturating_sub(1);
    blocks.extend(
        rows.iter()
            .enumerate()
            .map(|(i, r)| row(r, if i == last { SMALL_B } else { SMALL }, None)),
    );
    heading(doc, labels::YEAR_BY_YEAR, H1, lead(&blocks));
    for b in &blocks {
        doc.place(b);
    }
    doc.space(14.0);
}

fn cloud_band(doc: &mut Doc, q: &Quote) {
    let b = &q.cloud_band;
    let c = &q.currency;
    let quarter = WIDTH / 4.0;
    let col = |i: f32, label: &str, v: Decimal| {
        Cell::new(LEFT + i * quarter, quarter - 8.0, Align::Left)
            .text(LABEL, label)
            .text(BIG_B, &c.format(v))
    };
    let figures = [b.low, b.expected, b.high, b.budget_alert];
    let cols = labels::BAND
        .iter()
        .zip(figures)
        .enumerate()
        .map(|(i, (label, v))| col(i as f32, &label.to_ascii_uppercase(), v))
        .collect();
    let block = Block {
        keep: true,
        band: Some(BOX),
        pad: 5.0,
        ..Block::new(cols)
    };
    heading(doc, labels::CLOUD_COST_PER_ACTIVE_MONTH, H1, block.height());
    doc.place(&block);
    doc.space(4.0);
    paragraph(doc, &b.rationale, SMALL);
}

fn why(doc: &mut Doc, q: &Quote) {
    if q.recommendation.reasons.is_empty() {
        return;
    }
    bullets(
        doc,
        &format!("Why {}", q.tier.label),
        &q.recommendation.reasons,
    );
}

fn explanations(doc: &mut Doc, q: &Quote) {
    let blocks: Vec<Block> = q
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let n = Cell::new(LEFT, 18.0, Align::Left).text(SMALL_B, &format!("{}.", i + 1));
            let mut text =
                Cell::new(LEFT + 20.0, WIDTH - 20.0, Align::Left).text(SMALL_B, &l.label);
            text.push(SMALL, &l.rationale);
            Block {
                keep: true,
                pad: 2.0,
                ..Block::new(vec![n, text])
            }
        })
        .collect();
    if blocks.is_empty() {
        return;
    }
    let first = blocks.first().map_or(0.0, Block::height);
    heading(doc, "How each line is calculated", H1, first);
    for b in &blocks {
        doc.place(b);
    }
    doc.space(8.0);
}

/// The footer of every page: who and which quote, and "Page x of y".
fn footer(q: &Quote, index: usize, count: usize) -> Vec<Op> {
    let y = BOTTOM - 24.0;
    let page = winansi::encode(&format!("Page {} of {}", index + 1, count));
    let page_w = metrics::width(SMALL_GRAY.font, SMALL_GRAY.size, &page);
    let left = winansi::encode(&format!(
        "{} · Quote {} · valid until {}",
        q.seller.name, q.number, q.valid_until
    ));
    vec![
        Op::Rule {
            x1: LEFT,
            x2: RIGHT,
            y: BOTTOM - 12.0,
            width: 0.5,
            color: Color(70, 70, 70),
        },
        Op::Text {
            x: LEFT,
            y,
            style: SMALL_GRAY,
            text: layout::truncate(&left, SMALL_GRAY, WIDTH - page_w - 20.0),
        },
        Op::Text {
            x: RIGHT - page_w,
            y,
            style: SMALL_GRAY,
            text: page,
        },
    ]
}

/// The marks of a staff copy or a draft, at the head of every page, above the content.
fn page_mark(text: &str) -> Op {
    let encoded = winansi::encode(text);
    Op::Text {
        x: LEFT,
        y: PAGE_H - 30.0,
        style: WARN,
        text: layout::truncate(&encoded, WARN, WIDTH),
    }
}

fn font_name(f: Font) -> &'static [u8] {
    match f {
        Font::Regular => b"F1",
        Font::Bold => b"F2",
    }
}

fn rgb(c: Color) -> [i32; 3] {
    let Color(r, g, b) = c;
    [i32::from(r), i32::from(g), i32::from(b)]
}

/// A page's drawing as a content stream, coordinates rounded to 0.01 pt.
fn content(ops: &[Op]) -> Vec<u8> {
    let mut c = Stream::default();
    for op in ops {
        match op {
            Op::Text { x, y, style, text } => {
                c.op(b"BT");
                c.font(font_name(style.font), centi(style.size));
                c.op_numbers(&rgb(style.color), b"rg");
                c.op_numbers(&[centi(*x), centi(*y)], b"Td");
                c.show(text);
                c.op(b"ET");
            }
            Op::Fill { x, y, w, h, color } => {
                c.op_numbers(&rgb(*color), b"rg");
                c.op_numbers(&[centi(*x), centi(*y), centi(*w), centi(*h)], b"re");
                c.op(b"f");
            }
            Op::Rule {
                x1,
                x2,
                y,
                width,
                color,
            } => {
                c.op_numbers(&rgb(*color), b"RG");
                c.op_numbers(&[centi(*width).max(0)], b"w");
                c.op_numbers(&[centi(*x1), centi(*y)], b"m");
                c.op_numbers(&[centi(*x2), centi(*y)], b"l");
                c.op(b"S");
            }
        }
    }
    c.finish()
}

/// An object id; ids stay far below `i32::MAX` for any document that fits in memory.
fn id(n: usize) -> Ref {
    Ref::new(i32::try_from(n).unwrap_or(i32::MAX).max(1))
}

fn write(q: &Quote, pages: &[Page]) -> Vec<u8> {
    let catalog_id = id(1);
    let tree_id = id(2);
    let regular_id = id(3);
    let bold_id = id(4);
    let info_id = id(5);
    let page_id = |i: usize| id(6 + 2 * i);
    let content_id = |i: usize| id(7 + 2 * i);

    let mut pdf = Pdf::new();
    // A fixed file identifier derived from the quote number: no time, no randomness.
    let digest = Sha256::digest(format!("hubquote.pdf/1 {}", q.number).as_bytes());
    let file_id: Vec<u8> = digest.iter().take(16).copied().collect();
    pdf.set_file_id((file_id.clone(), file_id));
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids((0..pages.len()).map(page_id))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    let title = if q.customer.name.trim().is_empty() {
        format!("Quote {} — {}", q.number, q.seller.name)
    } else {
        format!(
            "Quote {} — {} for {}",
            q.number,
            q.seller.name,
            q.customer.name.trim()
        )
    };
    // The document's properties are shown by viewers and `pdfinfo`: no hidden character.
    pdf.document_info(info_id)
        .title(TextStr(&visible(&title)))
        .author(TextStr(&visible(&q.seller.name)))
        .subject(TextStr(&visible(&labels::membership(q))))
        .creator(TextStr("hubquote"));
    for (font_id, base) in [(regular_id, "Helvetica"), (bold_id, "Helvetica-Bold")] {
        pdf.type1_font(font_id)
            .base_font(Name(base.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let count = pages.len();
    let mark = mark_line(q).map(|m| page_mark(&m));
    for (i, page) in pages.iter().enumerate() {
        let mut ops = page.ops.clone();
        ops.extend(mark.iter().cloned());
        ops.extend(footer(q, i, count));
        let stream = content(&ops);
        let mut p = pdf.page(page_id(i));
        // Integers: no float formatting in the file writer (see `content.rs`).
        p.insert(Name(b"MediaBox"))
            .array()
            .items([0, 0, PAGE_W as i32, PAGE_H as i32]);
        p.parent(tree_id);
        p.contents(content_id(i));
        p.resources()
            .fonts()
            .pair(Name(b"F1"), regular_id)
            .pair(Name(b"F2"), bold_id);
        p.finish();
        pdf.stream(content_id(i), &stream);
    }
    pdf.finish()
}
