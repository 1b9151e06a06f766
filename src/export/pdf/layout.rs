//! A small page layout engine: wrapped text in columns, placed top-down on US Letter
//! pages, breaking pages between lines, repeating a table header on continuation pages.
//! It produces drawing operations; `mod.rs` turns them into PDF content streams.

use super::metrics::{self, Font};
use super::winansi;

/// US Letter, in points.
pub(super) const PAGE_W: f32 = 612.0;
pub(super) const PAGE_H: f32 = 792.0;
pub(super) const MARGIN_X: f32 = 50.0;
pub(super) const LEFT: f32 = MARGIN_X;
pub(super) const RIGHT: f32 = PAGE_W - MARGIN_X;
pub(super) const WIDTH: f32 = RIGHT - LEFT;
/// Where the first block of a page starts.
const TOP: f32 = PAGE_H - 48.0;
/// The smallest type `Cell::fit` shrinks to.
const MIN_SIZE: f32 = 4.5;
/// No content below this line: the footer lives under it.
pub(super) const BOTTOM: f32 = 58.0;

/// An RGB colour, components in hundredths (0–100), written exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Color(pub u8, pub u8, pub u8);

pub(super) const BLACK: Color = Color(0, 0, 0);
pub(super) const GRAY: Color = Color(38, 38, 38);
pub(super) const ACCENT: Color = Color(10, 27, 50);

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Style {
    pub font: Font,
    pub size: f32,
    pub color: Color,
}

impl Style {
    pub const fn new(font: Font, size: f32, color: Color) -> Style {
        Style { font, size, color }
    }

    /// The height of one line of this style.
    pub fn leading(self) -> f32 {
        self.size * 1.28
    }
}

/// A drawing operation on a page, in PDF coordinates (origin bottom left).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    Text {
        x: f32,
        y: f32,
        style: Style,
        text: Vec<u8>,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Color,
    },
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
        color: Color,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Right,
}

/// One line of a cell: WinAnsi bytes in a style.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Span {
    pub style: Style,
    pub text: Vec<u8>,
}

/// A column of wrapped lines at `x`, `w` wide.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub x: f32,
    pub w: f32,
    pub align: Align,
    pub lines: Vec<Span>,
}

impl Cell {
    pub fn new(x: f32, w: f32, align: Align) -> Cell {
        Cell {
            x,
            w,
            align,
            lines: Vec::new(),
        }
    }

    /// Adds `text` (Unicode, encoded and wrapped to the cell's width) in `style`.
    pub fn text(mut self, style: Style, text: &str) -> Cell {
        self.push(style, text);
        self
    }

    /// Adds one-line `text`, in a smaller size if it is too wide (an amount in a narrow
    /// column); at the smallest size it wraps like any text.
    pub fn fit(mut self, style: Style, text: &str) -> Cell {
        let bytes = winansi::encode(text);
        let natural = metrics::width(style.font, style.size, &bytes);
        let mut style = style;
        if natural > self.w && natural > 0.0 {
            // A hair under the exact ratio, so rounding never makes it wrap; in whole
            // hundredths, the precision the content stream writes.
            let size = style.size * self.w / natural * 0.995;
            style.size = ((size * 100.0).floor() / 100.0).max(MIN_SIZE);
        }
        for line in wrap(&bytes, style, self.w) {
            self.lines.push(Span { style, text: line });
        }
        self
    }

    pub fn push(&mut self, style: Style, text: &str) {
        for paragraph in text.split('\n') {
            let bytes = winansi::encode(paragraph);
            for line in wrap(&bytes, style, self.w) {
                self.lines.push(Span { style, text: line });
            }
        }
    }
}

/// Greedy word wrap of WinAnsi text to `width` points. Spaces separate words; a word
/// wider than the line is broken between characters. Never returns an empty vector.
pub(super) fn wrap(text: &[u8], style: Style, width: f32) -> Vec<Vec<u8>> {
    let w = |t: &[u8]| metrics::width(style.font, style.size, t);
    let space = w(b" ");
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    let mut used = 0.0;
    for word in text.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
        let ww = w(word);
        let gap = if line.is_empty() { 0.0 } else { space };
        if used + gap + ww <= width {
            if !line.is_empty() {
                line.push(b' ');
            }
            line.extend_from_slice(word);
            used += gap + ww;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if ww <= width {
            line = word.to_vec();
            used = ww;
            continue;
        }
        // A word longer than the line: break it between characters.
        used = 0.0;
        for &b in word {
            let cw = w(&[b]);
            if used + cw > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push(b);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens WinAnsi text to `width` with a trailing ellipsis (0x85) if it is too wide.
pub(super) fn truncate(text: &[u8], style: Style, width: f32) -> Vec<u8> {
    if metrics::width(style.font, style.size, text) <= width {
        return text.to_vec();
    }
    let room = width - metrics::width(style.font, style.size, &[0x85]);
    let mut used = 0.0;
    let mut out = Vec::new();
    for &b in text {
        used += metrics::width(style.font, style.size, &[b]);
        if used > room {
            break;
        }
        out.push(b);
    }
    out.push(0x85);
    out
}

/// Cells placed side by side, line row by line row, with options.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Block {
    pub cells: Vec<Cell>,
    /// Move the whole block to the next page rather than split it, when it fits on one.
    pub keep: bool,
    /// A background behind the block (from `LEFT` to `RIGHT`).
    pub band: Option<Color>,
    /// A hairline under the block.
    pub rule_after: bool,
    /// Space above and below the lines, inside the band.
    pub pad: f32,
}

impl Block {
    pub fn new(cells: Vec<Cell>) -> Block {
        Block {
            cells,
            ..Block::default()
        }
    }

    fn rows(&self) -> usize {
        self.cells.iter().map(|c| c.lines.len()).max().unwrap_or(0)
    }

    fn row_height(&self, i: usize) -> f32 {
        self.cells
            .iter()
            .filter_map(|c| c.lines.get(i))
            .map(|s| s.style.leading())
            .fold(0.0, f32::max)
    }

    /// The height of the whole block.
    pub fn height(&self) -> f32 {
        (0..self.rows()).map(|i| self.row_height(i)).sum::<f32>() + 2.0 * self.pad
    }

    /// The height of the block's first line row with its top padding.
    pub fn first_height(&self) -> f32 {
        self.row_height(0) + self.pad
    }
}

#[derive(Debug, Default)]
pub(super) struct Page {
    pub ops: Vec<Op>,
}

/// The document being laid out: pages and a cursor.
pub(super) struct Doc {
    /// Finished pages; the current one is `page`.
    pages: Vec<Page>,
    page: Page,
    /// The top of the free space on the current page.
    pub y: f32,
    /// Nothing but the repeated header is on the current page yet.
    fresh: bool,
    /// Drawn at the top of each new page while a table is open.
    pub header: Option<Block>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc {
            pages: Vec::new(),
            page: Page::default(),
            y: TOP,
            fresh: true,
            header: None,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.page.ops
    }

    /// All pages, the current one last.
    pub fn finish(mut self) -> Vec<Page> {
        self.pages.push(self.page);
        self.pages
    }

    pub fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = TOP;
        if let Some(header) = self.header.take() {
            self.draw(&header);
            self.header = Some(header);
        }
        self.fresh = true;
    }

    /// The free height left on this page.
    pub fn room(&self) -> f32 {
        self.y - BOTTOM
    }

    /// Starts a new page unless `h` points fit on this one (or this page is still empty).
    pub fn ensure(&mut self, h: f32) {
        if h > self.room() && !self.fresh {
            self.new_page();
        }
    }

    /// Vertical space; dropped at the top of a page.
    pub fn space(&mut self, h: f32) {
        if !self.fresh {
            self.y = (self.y - h).max(BOTTOM);
        }
    }

    pub fn rule(&mut self, width: f32, color: Color) {
        let y = self.y;
        self.ops().push(Op::Rule {
            x1: LEFT,
            x2: RIGHT,
            y,
            width,
            color,
        });
    }

    /// Places a block at the cursor, breaking pages between line rows.
    pub fn place(&mut self, block: &Block) {
        let h = block.height();
        if block.keep && h <= TOP - BOTTOM - self.header_height() {
            self.ensure(h);
        } else {
            // No orphan: at least the first two line rows go together.
            let two = block.first_height() + block.row_height(1);
            self.ensure(two.min(h));
        }
        self.fresh = false;
        self.place_rows(block, true);
    }

    fn header_height(&self) -> f32 {
        self.header.as_ref().map_or(0.0, Block::height)
    }

    /// Draws a block that is known to fit (the repeated header), without page breaks.
    fn draw(&mut self, block: &Block) {
        self.place_rows(block, false);
    }

    fn place_rows(&mut self, block: &Block, may_break: bool) {
        let mut band_start = self.start_band(block);
        self.y -= block.pad;
        let rows = block.rows();
        for i in 0..rows {
            let h = block.row_height(i);
            let last_pad = if i + 1 == rows { block.pad } else { 0.0 };
            if may_break && h + last_pad > self.room() && !self.fresh {
                self.end_band(block, band_start);
                self.new_page();
                self.fresh = false;
                band_start = self.start_band(block);
            }
            let baseline = self.y - h * 0.78;
            for cell in &block.cells {
                if let Some(span) = cell.lines.get(i) {
                    let x = match cell.align {
                        Align::Left => cell.x,
                        Align::Right => {
                            cell.x + cell.w
                                - metrics::width(span.style.font, span.style.size, &span.text)
                        }
                    };
                    if !span.text.is_empty() {
                        let op = Op::Text {
                            x,
                            y: baseline,
                            style: span.style,
                            text: span.text.clone(),
                        };
                        self.ops().push(op);
                    }
                }
            }
            self.y -= h;
        }
        self.y -= block.pad;
        self.end_band(block, band_start);
        if block.rule_after {
            self.rule(0.4, Color(80, 80, 80));
        }
    }

    /// Remembers where a band's background goes: (op index, top y).
    fn start_band(&mut self, block: &Block) -> Option<(usize, f32)> {
        block.band.map(|_| (self.ops().len(), self.y))
    }

    fn end_band(&mut self, block: &Block, start: Option<(usize, f32)>) {
        if let (Some(color), Some((index, top))) = (block.band, start) {
            let y = self.y;
            let ops = self.ops();
            let fill = Op::Fill {
                x: LEFT,
                y,
                w: WIDTH,
                h: top - y,
                color,
            };
            if index <= ops.len() {
                ops.insert(index, fill);
            }
        }
    }
}
