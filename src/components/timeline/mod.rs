//! Matching reports over time, and the date range chosen on them. One bar per day, week, month
//! or year: the finest step whose bars fit the chart's measured width (`bins`). A range is
//! chosen by pressing on a bar and dragging to another, by clicking one period, or from the
//! keyboard (`range`): the bars are one roving tab stop (arrow keys, Home and End move; Enter
//! or Space chooses a period; Shift with a move extends the range; Escape clears it, or
//! cancels a drag). Each bar stays a toggle button named by its period and count.

mod bins;
mod range;

use crate::components::text::plural;
use crate::state::{Action, AppState};
use bins::{axis, bins, fit, Bin};
use dispatches_engine::Date;
use range::{anchor, bar_of, choose, covered, describe, moved, span, Range};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ResizeObserver};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub first: Date,
    pub last: Date,
    /// Matching articles per day (query and outlet filter applied, not the dates).
    pub days: Vec<(Date, usize)>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The chart's width before it is measured, and while it is hidden (the closed filters on a
/// phone): about a phone's, so the first bars are never too many.
const FALLBACK_WIDTH: u32 = 300;

/// A click that follows a pointer selection within this many milliseconds is that selection's
/// own click (mouse, or a tap's synthesized click), not a second choice.
const CLICK_AFTER_POINTER_MS: f64 = 1000.0;

/// A press on the bars being dragged.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Drag {
    pointer: i32,
    /// The bar the range is drawn from (the pressed bar, or the anchor with Shift).
    anchor: usize,
    /// The bar under the pointer now.
    current: usize,
    /// Shift was held: even a release on the pressed bar extends the range.
    extend: bool,
    /// Escape cancelled it: its release chooses nothing.
    cancelled: bool,
    /// How many bars there were when it started: if the chart's step changes under the press
    /// (a resize), its bars mean other periods and its release chooses nothing.
    bars: usize,
}

/// What the event handlers share across renders (not drawn: the drag's preview is drawn from
/// a copy taken at render time).
#[derive(Default)]
struct Gesture {
    drag: Option<Drag>,
    /// The first day of the bar ranges are extended from (Shift), while it is one of the ends.
    anchor: Option<Date>,
    /// When a pointer last chose a range (`Event.timeStamp`): its click is skipped.
    pointer_chose_at: Option<f64>,
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let chart = use_node_ref();
    let width = use_width(chart.clone());
    let step = fit(props.first, props.last, width.unwrap_or(FALLBACK_WIDTH));
    let bins: Rc<Vec<Bin>> = Rc::new(bins(step, props.first, props.last, &props.days));
    let range: Range = (props.from, props.to);
    let chosen = covered(&bins, range);
    let gesture = use_mut_ref(Gesture::default);
    let redraw = use_force_update();
    // The tab stop's day, once the user has moved it.
    let focus_day = use_state_eq(|| None::<Date>);

    let n = bins.len();
    let stop = focus_day
        .map(|d| bar_of(&bins, d))
        .or(chosen.map(|(lo, _)| lo))
        .or_else(|| bins.iter().position(|b| b.count > 0))
        .unwrap_or(0);
    let set_range = {
        let dispatch = props.dispatch.clone();
        Rc::new(move |(from, to): Range| dispatch.dispatch(Action::SetRange(from, to)))
    };

    let onkeydown = {
        let (bins, gesture, set_range, focus_day, chart, redraw) = (bins.clone(), gesture.clone(), set_range.clone(), focus_day.clone(), chart.clone(), redraw.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(i) = bar_index(e.target(), n) else { return };
            let key = e.key();
            // No borrow is held across a dispatch or a redraw: either may render at once.
            gesture.borrow_mut().pointer_chose_at = None;
            if key == "Escape" {
                let cancelled = gesture.borrow_mut().drag.as_mut().filter(|d| !d.cancelled).map(|d| d.cancelled = true).is_some();
                if cancelled {
                    redraw.force_update();
                } else if range != (None, None) {
                    gesture.borrow_mut().anchor = None;
                    set_range((None, None));
                } else {
                    return;
                }
                // Handled: the page's own Escape (leaving the reader) does not also run.
                e.prevent_default();
                return;
            }
            let Some(j) = moved(&key, i, n) else { return };
            e.prevent_default();
            focus_day.set(Some(bins[j].start));
            if let Some(bar) = chart.cast::<Element>().and_then(|c| c.children().item(j as u32)).and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                let _ = bar.focus();
            }
            if e.shift_key() {
                let stored = gesture.borrow().anchor.map(|d| bar_of(&bins, d));
                let a = anchor(chosen, stored, i);
                gesture.borrow_mut().anchor = Some(bins[a].start);
                set_range(span(&bins, a, j));
            }
        })
    };

    // Keyboard and assistive technology activate a bar with a click; a pointer's own click
    // after its press and release was already handled by them.
    let onclick = {
        let (bins, gesture, set_range, focus_day, chart) = (bins.clone(), gesture.clone(), set_range.clone(), focus_day.clone(), chart.clone());
        Callback::from(move |e: MouseEvent| {
            let pointer_chose_at = gesture.borrow_mut().pointer_chose_at.take();
            if pointer_chose_at.is_some_and(|t| e.time_stamp() - t < CLICK_AFTER_POINTER_MS) {
                return;
            }
            // A pointer's click goes to the chart that captured the pointer, not to a bar: the
            // bar is the one under it. (Keys and assistive technology click a bar itself.)
            let Some(i) = bar_index(e.target(), n).or_else(|| chart.cast::<Element>().map(|c| bar_at(&c, e.client_x(), n))) else { return };
            choose_one(&bins, range, i, &gesture, &*set_range);
            focus_day.set(Some(bins[i].start));
        })
    };

    let onpointerdown = {
        let (bins, gesture, focus_day, chart, redraw) = (bins.clone(), gesture.clone(), focus_day.clone(), chart.clone(), redraw.clone());
        Callback::from(move |e: PointerEvent| {
            if !e.is_primary() || e.button() != 0 {
                return;
            }
            let Some(i) = bar_index(e.target(), n) else { return };
            let extend = e.shift_key();
            let from = if extend { anchor(chosen, gesture.borrow().anchor.map(|d| bar_of(&bins, d)), i) } else { i };
            // The chart keeps the pointer's events while the press lasts, wherever it goes.
            if let Some(c) = chart.cast::<Element>() {
                let _ = c.set_pointer_capture(e.pointer_id());
            }
            {
                let mut g = gesture.borrow_mut();
                g.drag = Some(Drag { pointer: e.pointer_id(), anchor: from, current: i, extend, cancelled: false, bars: n });
                g.pointer_chose_at = None;
            }
            focus_day.set(Some(bins[i].start));
            redraw.force_update();
        })
    };
    let onpointermove = {
        let (gesture, chart, redraw) = (gesture.clone(), chart.clone(), redraw.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(j) = chart.cast::<Element>().map(|c| bar_at(&c, e.client_x(), n)) else { return };
            let moved = {
                let mut g = gesture.borrow_mut();
                let drag = g.drag.as_mut().filter(|d| d.pointer == e.pointer_id() && !d.cancelled && d.current != j);
                drag.map(|d| d.current = j).is_some()
            };
            if moved {
                redraw.force_update();
            }
        })
    };
    let onpointerup = {
        let (bins, gesture, set_range, focus_day, chart, redraw) = (bins.clone(), gesture.clone(), set_range.clone(), focus_day.clone(), chart.clone(), redraw.clone());
        Callback::from(move |e: PointerEvent| {
            let drag = {
                let mut g = gesture.borrow_mut();
                match g.drag {
                    Some(d) if d.pointer == e.pointer_id() => {
                        g.drag = None;
                        d
                    }
                    _ => return,
                }
            };
            redraw.force_update();
            let j = chart.cast::<Element>().map_or(drag.current, |c| bar_at(&c, e.client_x(), n));
            // A press and release on one bar is a click: the click that follows chooses it.
            // Choosing here would change the filters (whose lists grow and shrink with the
            // range) before that click, which then lands on whatever moved under the finger.
            // Any other release (a drag, a cancelled one, a Shift extension) decides here, and
            // its click is skipped.
            let plain_click = !drag.cancelled && drag.bars == n && j == drag.anchor && !drag.extend;
            if plain_click {
                return;
            }
            gesture.borrow_mut().pointer_chose_at = Some(e.time_stamp());
            if drag.cancelled || drag.bars != n {
                return;
            }
            focus_day.set(Some(bins[j].start));
            gesture.borrow_mut().anchor = Some(bins[drag.anchor].start);
            set_range(span(&bins, drag.anchor, j));
        })
    };
    // A press the browser took over (scrolling on touch) or lost: nothing is chosen.
    let drop_drag = {
        let (gesture, redraw) = (gesture.clone(), redraw.clone());
        Callback::from(move |e: PointerEvent| {
            let dropped = {
                let mut g = gesture.borrow_mut();
                let ours = g.drag.is_some_and(|d| d.pointer == e.pointer_id());
                ours && g.drag.take().is_some()
            };
            if dropped {
                redraw.force_update();
            }
        })
    };

    let preview = gesture.borrow().drag.filter(|d| !d.cancelled && d.bars == n).map(|d| (d.anchor.min(d.current), d.anchor.max(d.current)));
    let shown = preview.or(chosen);
    let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let bars = bins.iter().enumerate().map(|(i, b)| {
        // Whole units of a 0..50 box: no float formatting in the wasm.
        let h = if b.count == 0 { 1 } else { 4 + 44 * b.count / max };
        let pressed = chosen.is_some_and(|(lo, hi)| lo <= i && i <= hi);
        let shown = shown.is_some_and(|(lo, hi)| lo <= i && i <= hi);
        let name = format!("{}: {}", step.label(b.start), plural(b.count, "report", "reports"));
        html! {
            <button type="button" class={classes!("tl__bar", shown.then_some("is-selected"), (b.count == 0).then_some("is-empty"))}
                data-bar={i.to_string()}
                tabindex={if i == stop { "0" } else { "-1" }}
                aria-pressed={if pressed { "true" } else { "false" }}
                aria-label={name.clone()} title={name}>
                <svg viewBox="0 0 10 50" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y={(50 - h).to_string()} width="10" height={h.to_string()} />
                </svg>
            </button>
        }
    });
    // One slot per bar, so a label sits under its bar; most slots are empty.
    let labels = axis(step, &bins);
    let slots = (0..n).map(|i| match labels.iter().find(|(at, _)| *at == i) {
        Some((_, text)) => html! { <span>{text.clone()}</span> },
        None => html! { <span /> },
    });
    let unit = step.unit();
    html! {
        <div class="tl">
            <p class="tl__title" id="dx-tl-title">{format!("Reports by {unit}")}</p>
            <div ref={chart} class={classes!("tl__bars", preview.is_some().then_some("is-dragging"))} role="group"
                aria-labelledby="dx-tl-title" aria-describedby="dx-tl-help"
                {onkeydown} {onclick} {onpointerdown} {onpointermove} {onpointerup}
                onpointercancel={drop_drag.clone()} onlostpointercapture={drop_drag}>
                { for bars }
            </div>
            <p class="tl__axis" aria-hidden="true">{ for slots }</p>
            <p class="tl__chosen" aria-live="polite">{describe(range)}</p>
            <p class="tl__help" id="dx-tl-help">
                {format!("Drag across the bars to choose a range, or choose one {unit}. Keys: arrows move, Enter chooses, Shift with an arrow widens, Escape clears.")}
            </p>
        </div>
    }
}

/// Chooses bar `i` alone (a click, a tap, Enter): it becomes the anchor of later extensions.
fn choose_one(bins: &[Bin], range: Range, i: usize, gesture: &RefCell<Gesture>, set_range: &dyn Fn(Range)) {
    let next = choose(bins, range, i);
    gesture.borrow_mut().anchor = next.0.map(|_| bins[i].start);
    set_range(next);
}

/// The bar an event happened on (its `data-bar`, one of the `n` bars drawn), None for the gaps
/// between bars.
fn bar_index(target: Option<web_sys::EventTarget>, n: usize) -> Option<usize> {
    let el = target?.dyn_into::<Element>().ok()?;
    let i: usize = el.closest(".tl__bar").ok()??.get_attribute("data-bar")?.parse().ok()?;
    (i < n).then_some(i)
}

/// The bar under horizontal position `x` (client pixels) among the `n` equal bars of `chart`,
/// the nearest end bar when `x` is beyond them.
fn bar_at(chart: &Element, x: i32, n: usize) -> usize {
    let rect = chart.get_bounding_client_rect();
    if n == 0 || rect.width() <= 0.0 {
        return 0;
    }
    let at = ((x as f64 - rect.left()) / rect.width() * n as f64).floor();
    at.clamp(0.0, (n - 1) as f64) as usize
}

/// The element's width in CSS pixels, kept current with a ResizeObserver (window resizes where
/// there is none); None until measured, and while the element is hidden (0 wide).
#[hook]
fn use_width(node: NodeRef) -> Option<u32> {
    let width = use_state_eq(|| None::<u32>);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let measure = Rc::new(move || {
                if let Some(w) = element.as_ref().map(|e| e.client_width()).filter(|&w| w > 0) {
                    width.set(Some(w as u32));
                }
            });
            measure();
            let on_resize = {
                let measure = measure.clone();
                Closure::<dyn FnMut()>::new(move || measure())
            };
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            let fallback = match (&observer, node.cast::<Element>()) {
                (Some(observer), Some(element)) => {
                    observer.observe(&element);
                    None
                }
                _ => web_sys::window().map(|w| gloo::events::EventListener::new(&w, "resize", move |_| measure())),
            };
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop((on_resize, fallback));
            }
        });
    }
    *width
}
