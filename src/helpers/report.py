"""Report: a folder of articles -> every notebook executed over it, as offline HTML with an index page.

`run_report` checks what it can before any kernel starts (the articles folder, the parameters, the
report folder), runs the pipeline once (the notebooks then hit its content-keyed cache), executes the
notebooks in name order with papermill and converts each to HTML with nbconvert. The actor graph to
explore, which notebook 03 writes with its parameters (`helpers.interactive`), becomes a page of its
own (`actor_graph.html`); the notebook pages then need not carry Bokeh's JavaScript. The run is built in a folder beside REPORT_DIR and replaces REPORT_DIR only
when every notebook succeeded; a failed run is kept at REPORT_DIR.failed and REPORT_DIR is left as it
was.
"""
from __future__ import annotations

import ast
import base64
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import nbformat
import pandas as pd
import papermill
from jupyter_client import AsyncKernelManager
from nbconvert import HTMLExporter
from papermill.translators import PythonTranslator

from .ingest import display_path, list_article_files
from .actor_dictionary import DictionaryError, load_actor_dictionary
from .pipeline import load_store, stored_extraction, write_csv_tables
from .progress import Progress
from .tables import replace_folder
from .project import NOTEBOOKS_DIR

NOTEBOOK_PATTERN = "[0-9][0-9]-*.ipynb"
KERNEL_NAME = "python3"
# Kernels warn on every start that they talk over local TCP; that would bury the progress lines.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
# Set by the command from ARTICLES_DIR and --out; a -p for them would point the notebooks elsewhere.
COMMAND_PARAMETERS = ("articles_dir", "output_dir", "actors_file")
ARTICLE_COLUMNS = ["article_id", "outlet", "published", "date_source", "title"]
TEMPLATES_DIR = Path(__file__).parent / "templates"
INDEX_TEMPLATE = "index.html.j2"
INTERACTIVE_GRAPH = "actor_graph.html"
# What a report sets unless told otherwise: the graph to explore is a page of its own, not a
# megabyte of JavaScript inside the notebook page.
REPORT_DEFAULTS = {"interactive": False}
# The project's figures in the order a reader takes them in: who did what to whom, then when, then
# how hard; any other figure follows, by name.
FIGURE_READING_ORDER = ("actor_graph", "escalation_sequence", "escalation_intensity")
# The lab template without the scripts it would load from a CDN, so a report opens offline.
# Nothing in these notebooks needs require.js, MathJax, mermaid or widgets.
OFFLINE_TEMPLATE_NAME = "offline_report.html.j2"
OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


class QuietShutdownKernelManager(AsyncKernelManager):
    """A kernel manager that asks a kernel to shut down without interrupting it first.

    jupyter_client sends SIGINT before every shutdown request. When it lands while the kernel still
    answers papermill's last request (kernel_info, once the cells have run), the kernel logs
    "KeyboardInterrupt caught in kernel." on the terminal, among the report's status lines. Here a
    kernel is shut down only after its notebook ran or failed, so it has nothing to interrupt; one
    that does not stop on request still gets SIGTERM, then SIGKILL, after the shutdown wait.
    """

    async def _async_interrupt_kernel(self) -> None:
        if not self.shutting_down:
            await super()._async_interrupt_kernel()


def kernel_manager_logging_to(log: Path) -> type[QuietShutdownKernelManager]:
    """A kernel manager whose kernels write their standard error to LOG, not to the terminal.

    A kernel's own noise (a library's warning, libzmq's abort message when a kernel dies on
    shutdown, zeromq/libzmq#1307) would otherwise land among the report's status lines.
    """
    class LoggingKernelManager(QuietShutdownKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            with open(log, "ab") as stream:  # the kernel keeps its own copy of the descriptor
                await super()._async_launch_kernel(kernel_cmd, **kw, stderr=stream)
    return LoggingKernelManager


class ReportError(Exception):
    """A report that cannot start; the message names the folder or parameter and the problem."""


@dataclass
class NotebookRun:
    """How one notebook's execution went."""
    notebook: str
    seconds: float
    failed_cell: int | None = None  # 1-based position among the source notebook's cells
    error: str = ""
    saved: bool = False  # False when the kernel never got far enough to save a notebook
    title: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def html_name(self) -> str:
        return Path(self.notebook).with_suffix(".html").name if self.saved else ""

    @property
    def status(self) -> str:
        if self.ok:
            return "ok"
        where = f" at cell {self.failed_cell}" if self.failed_cell else ""
        return f"failed{where}: {self.error}"


@dataclass
class ReportResult:
    """Where the run ended up (REPORT_DIR, or REPORT_DIR.failed) and what happened on the way."""
    report_dir: Path
    runs: list[NotebookRun]
    read_errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[NotebookRun]:
        return [run for run in self.runs if not run.ok]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- checks before any kernel starts -------------------------------------------------------------

def parse_parameter(value: str) -> bool | int | float | str | None:
    """A -p value as papermill's own -p reads it: booleans, None, numbers, else the string."""
    literals = {"True": True, "False": False, "None": None}
    if value in literals:
        return literals[value]
    for number in (int, float):
        try:
            return number(value)
        except ValueError:
            pass
    return value


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    notebooks = sorted(notebooks_dir.glob(NOTEBOOK_PATTERN))
    if not notebooks:
        raise ReportError(f"{display_path(notebooks_dir)}: no notebooks named like {NOTEBOOK_PATTERN}")
    return notebooks


def declared_parameters(notebook: Path) -> dict[str, str]:
    """Name -> default (as written) of what a notebook's `parameters` cell assigns, read without a kernel.

    Not papermill.inspect_notebook: it skips any line with a second '=', as in a comment
    ("empty = every actor"), and would call that parameter unknown.
    """
    cells = nbformat.read(notebook, as_version=4).cells
    source = next((cell.source for cell in cells if "parameters" in cell.metadata.get("tags", [])), "")
    try:
        statements = ast.parse(source).body
    except SyntaxError as error:
        raise ReportError(f"{display_path(notebook)}: its parameters cell is not valid Python "
                          f"(line {error.lineno}: {error.msg})") from error
    defaults = {}
    for node in statements:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    defaults[target.id] = ast.get_source_segment(source, node.value)
    return defaults


def check_parameters(parameters: dict, declared: dict[Path, dict[str, str]]) -> None:
    reserved = sorted(set(parameters) & set(COMMAND_PARAMETERS))
    if reserved:
        raise ReportError(f"parameter(s) {', '.join(reserved)} are set by the command itself: "
                          f"pass the articles folder as ARTICLES_DIR, the report folder with --out and your "
                          f"own actors with --actors")
    known = set().union(*declared.values())
    unknown = sorted(set(parameters) - known)
    if unknown:
        settable = sorted(known - set(COMMAND_PARAMETERS))
        raise ReportError(f"unknown parameter(s) {', '.join(unknown)}: no notebook declares them; "
                          f"the notebooks declare {', '.join(settable) or 'none besides articles_dir and output_dir'}")


def check_report_dir(report_dir: Path, articles_dir: Path) -> None:
    """REPORT_DIR gets replaced wholesale, so it must be an earlier report or not exist yet."""
    if articles_dir == report_dir or report_dir in articles_dir.parents:
        raise ReportError(f"{report_dir}: the report folder would replace the articles folder; "
                          f"choose another --out")
    if report_dir.exists() and not report_dir.is_dir():
        raise ReportError(f"{report_dir}: exists and is not a folder")
    if report_dir.is_dir() and any(report_dir.iterdir()) and not (report_dir / "index.html").exists():
        raise ReportError(f"{report_dir}: exists and is not an earlier report (no index.html); "
                          f"refusing to replace it, choose another --out")


# --- running and converting the notebooks --------------------------------------------------------

def build_dir_beside(report_dir: Path) -> Path:
    """A fresh folder next to REPORT_DIR, on the same file system so the final rename is cheap."""
    report_dir.parent.mkdir(parents=True, exist_ok=True)
    build_dir = Path(tempfile.mkdtemp(prefix=f".{report_dir.name}.building-", dir=report_dir.parent))
    build_dir.chmod(0o755)  # mkdtemp's folders are private, and a report is meant to be shared
    return build_dir


def parameters_for(declared: dict[str, str], parameters: dict) -> dict:
    return {name: value for name, value in parameters.items() if name in declared}


def failed_cell_number(source: Path, cell_index: int, injected: bool) -> int:
    """The failing cell's 1-based position in the source notebook.

    papermill's cell_index counts the executed notebook, where the injected-parameters cell sits
    right after the `parameters` cell (or first, when there is none).
    """
    cells = nbformat.read(source, as_version=4).cells
    tagged = [i for i, cell in enumerate(cells) if "parameters" in cell.metadata.get("tags", [])]
    parameters_index = tagged[0] if tagged else -1
    if injected and cell_index > parameters_index:
        cell_index -= 1
    return max(cell_index, 0) + 1


def execute_notebook(source: Path, executed: Path, parameters: dict, cwd: Path) -> NotebookRun:
    """Run one notebook; a failing cell is recorded, not raised, so the next notebook still runs."""
    started = time.monotonic()
    failed_cell, error = None, ""
    log = executed.with_suffix(".kernel.log")
    try:
        papermill.execute_notebook(str(source), str(executed), parameters=parameters,
                                   kernel_name=KERNEL_NAME, cwd=str(cwd),
                                   progress_bar=False, log_output=False, extra_arguments=KERNEL_ARGUMENTS,
                                   kernel_manager_class=kernel_manager_logging_to(log))
    except papermill.PapermillExecutionError as failure:
        failed_cell = failed_cell_number(source, failure.cell_index, injected=bool(parameters))
        error = f"{failure.ename}: {first_line(failure.evalue)}"
    except Exception as failure:  # a kernel that died or never started: the other notebooks still run
        error = f"{type(failure).__name__}: {first_line(str(failure))}"
    if log.exists() and not log.stat().st_size:
        log.unlink()
    # papermill saves a failed notebook too, with the error in place
    return NotebookRun(source.name, time.monotonic() - started, failed_cell, error, executed.exists())


def notebook_title(notebook: Path) -> str:
    """The first `# ` heading of the notebook's markdown, else its file name."""
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def run_notebooks(notebooks: list[Path], declared: dict[Path, dict[str, str]], parameters: dict,
                  build_dir: Path, cwd: Path, progress) -> list[NotebookRun]:
    """Execute each notebook into BUILD_DIR/notebooks/, in order, whether or not the previous one failed."""
    (build_dir / "notebooks").mkdir()
    runs = []
    for number, notebook in enumerate(notebooks, 1):
        run = execute_notebook(notebook, build_dir / "notebooks" / notebook.name,
                               parameters_for(declared[notebook], parameters), cwd)
        run.title = notebook_title(notebook)
        progress(f"[{number}/{len(notebooks)}] {notebook.name}: {run.status} ({run.seconds:.1f} s)")
        runs.append(run)
    return runs


def relocate_paths(node, old: str, new: str):
    """A notebook (or any part of one) with every string's `old` path replaced by `new`."""
    if isinstance(node, str):
        return node.replace(old, new)
    if isinstance(node, list):
        return [relocate_paths(item, old, new) for item in node]
    if isinstance(node, dict):
        return type(node)((key, relocate_paths(value, old, new)) for key, value in node.items())
    return node


def html_exporter(show_code: bool) -> HTMLExporter:
    # sanitize_html stays off: nbconvert's allow-list drops th, thead, p, h1-h6 and style, which
    # prints every DataFrame and heading as raw markup. Article text reaches the page only through
    # pandas' HTML tables and text outputs, both escaped (tests/test_report.py checks it).
    loader = jinja2.DictLoader({OFFLINE_TEMPLATE_NAME: OFFLINE_TEMPLATE})
    return HTMLExporter(
        template_name="lab", template_file=OFFLINE_TEMPLATE_NAME, extra_loaders=[loader],
        exclude_input=not show_code, exclude_input_prompt=not show_code,
        exclude_output_prompt=not show_code,
        require_js_url="", mathjax_url="", mermaid_js_url="", mermaid_layout_elk_js_url="",
        embed_images=True,
    )


def export_notebooks(runs: list[NotebookRun], build_dir: Path, destination: Path, show_code: bool) -> None:
    """Each executed notebook as HTML beside the index.

    The kernels wrote to the build folder; their parameters and printed paths are rewritten to
    the folder the run ends up in, so that a reader is never sent to a folder that is gone.
    """
    exporter = html_exporter(show_code)
    for run in runs:
        if not run.saved:
            continue
        executed = build_dir / "notebooks" / run.notebook
        notebook = relocate_paths(nbformat.read(executed, as_version=4), str(build_dir), str(destination))
        nbformat.write(notebook, executed)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": executed.stem}})
        (build_dir / run.html_name).write_text(body, encoding="utf-8")


# --- the index page ------------------------------------------------------------------------------

def saved_figures(data_dir: Path) -> list[dict]:
    """Every PNG the notebooks saved under data/, in reading order, inlined so the index stands alone."""
    return [{"name": path.relative_to(data_dir).as_posix(),
             "caption": path.stem.replace("_", " ").replace("-", " ").capitalize(),
             "uri": "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")}
            for path in sorted(data_dir.rglob("*.png"), key=reading_order)]


def reading_order(path: Path) -> tuple[int, Path]:
    """The project's figures first, in FIGURE_READING_ORDER, then the others by path."""
    order = FIGURE_READING_ORDER
    return (order.index(path.stem) if path.stem in order else len(order)), path


def data_files(data_dir: Path) -> list[str]:
    """Every file the pipeline and the notebooks wrote under data/, as paths relative to it."""
    return sorted(path.relative_to(data_dir).as_posix() for path in data_dir.rglob("*")
                  if path.is_file() and not path.name.startswith("."))


def article_set(articles: pd.DataFrame) -> dict:
    """What the index says about the articles: the rows, the outlets and the span of dates."""
    dates = sorted(date for date in articles["published"] if date)
    return {"rows": articles[ARTICLE_COLUMNS].to_dict("records"),
            "outlets": sorted({outlet for outlet in articles["outlet"] if outlet}),
            "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else "",
            "undated": sum(1 for date in articles["published"] if not date)}


def parameter_rows(given: dict, declared: dict[Path, dict[str, str]]) -> list[dict]:
    """Every notebook parameter: the value the run used and where it came from (command, -p, default)."""
    rows = []
    for name in dict.fromkeys(name for defaults in declared.values() for name in defaults):
        notebooks = [notebook for notebook in declared if name in declared[notebook]]
        if name in given:
            value = PythonTranslator.translate(given[name])
            origin = "command" if name in COMMAND_PARAMETERS else "-p"
        else:
            value = " / ".join(dict.fromkeys(declared[notebook][name] for notebook in notebooks))
            origin = "default"
        rows.append({"name": name, "value": value, "origin": origin,
                     "notebooks": "all" if len(notebooks) == len(declared)
                     else ", ".join(notebook.name for notebook in notebooks)})
    return rows


def render_index(context: dict) -> str:
    # autoescape: article titles and outlets are untrusted text.
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.get_template(INDEX_TEMPLATE).render(**context)


def install_interactive_graph(build_dir: Path) -> str:
    """The page notebook 03 wrote among its outputs, beside the index; empty when it wrote none."""
    written = build_dir / "data" / INTERACTIVE_GRAPH
    if not written.is_file():
        return ""
    shutil.copyfile(written, build_dir / INTERACTIVE_GRAPH)
    return INTERACTIVE_GRAPH


def write_index(build_dir: Path, title: str, articles_dir: Path, articles: pd.DataFrame,
                parameters: list[dict], runs: list[NotebookRun], read_errors: list[str],
                interactive_graph: str = "") -> None:
    html = render_index({
        "title": title,
        "articles_dir": display_path(articles_dir),
        "articles": article_set(articles),
        "parameters": parameters,
        "figures": saved_figures(build_dir / "data"),
        "interactive_graph": interactive_graph,
        "runs": runs,
        "data_files": data_files(build_dir / "data"),
        "read_errors": read_errors,
    })
    (build_dir / "index.html").write_text(html, encoding="utf-8")


# --- putting the run in place --------------------------------------------------------------------

def failed_run_dir(report_dir: Path) -> Path:
    return report_dir.with_name(report_dir.name + ".failed")


def install_report(build_dir: Path, report_dir: Path) -> None:
    """Swap the finished run in for REPORT_DIR; the old one (and an older failed run) go after the swap."""
    replace_folder(build_dir, report_dir)
    shutil.rmtree(failed_run_dir(report_dir), ignore_errors=True)


def keep_failed_run(build_dir: Path, report_dir: Path) -> Path:
    failed = failed_run_dir(report_dir)
    if failed.exists():
        shutil.rmtree(failed)
    os.replace(build_dir, failed)
    return failed


# --- the whole run -------------------------------------------------------------------------------

def run_report(articles_dir: str | Path, report_dir: str | Path, parameters: dict | None = None,
               show_code: bool = False, notebooks_dir: str | Path = NOTEBOOKS_DIR,
               title: str = "", progress=say, actors_file: str | Path | None = None, jobs: int = 1,
               scheduler: str | None = None, extraction_progress: Progress | None = None) -> ReportResult:
    """Execute every notebook over ARTICLES_DIR into REPORT_DIR (see the module docstring).

    `actors_file`, a user's own actors, is merged over the built-in dictionaries in every notebook
    (their `actors_file` parameter); a bad file stops the run before any notebook starts."""
    articles_dir, report_dir = Path(articles_dir).resolve(), Path(report_dir).resolve()
    notebooks_dir, parameters = Path(notebooks_dir).resolve(), dict(parameters or {})
    list_article_files(articles_dir)
    check_report_dir(report_dir, articles_dir)
    notebooks = find_notebooks(notebooks_dir)
    declared = {notebook: declared_parameters(notebook) for notebook in notebooks}
    check_parameters(parameters, declared)
    actor_files = [Path(actors_file).resolve()] if actors_file else []
    if actor_files:
        try:
            load_actor_dictionary(None, actor_files)
        except DictionaryError as error:
            raise ReportError(str(error)) from None
        parameters["actors_file"] = str(actor_files[0])

    started = time.monotonic()
    store = stored_extraction(articles_dir, progress=extraction_progress, actor_files=actor_files, jobs=jobs,
                              scheduler=scheduler)
    extraction = load_store(store, ["articles", "events"])
    if extraction.tables["articles"].empty:
        raise ReportError(f"{display_path(articles_dir)}: no article could be read; no report written")
    progress(f"pipeline: {len(extraction.tables['articles'])} articles, {len(extraction.tables['events'])} "
             f"events ({time.monotonic() - started:.1f} s)")

    build_dir = build_dir_beside(report_dir)
    try:
        write_csv_tables(store, build_dir / "data")
        given = {"articles_dir": str(articles_dir), "output_dir": str(build_dir / "data"), **REPORT_DEFAULTS,
                 **parameters}
        runs = run_notebooks(notebooks, declared, given, build_dir, notebooks_dir, progress)
        destination = report_dir if all(run.ok for run in runs) else failed_run_dir(report_dir)
        export_notebooks(runs, build_dir, destination, show_code)
        interactive_graph = install_interactive_graph(build_dir)
        used = {**given, "output_dir": str(destination / "data")}
        write_index(build_dir, title or f"Report on {articles_dir.name}", articles_dir,
                    extraction.tables["articles"], parameter_rows(used, declared), runs, extraction.errors,
                    interactive_graph)
    except BaseException:
        keep_failed_run(build_dir, report_dir)
        raise
    if destination == report_dir:
        install_report(build_dir, report_dir)
    else:
        keep_failed_run(build_dir, report_dir)
    return ReportResult(destination, runs, extraction.errors)
