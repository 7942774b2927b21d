// Bundled by esbuild into the check page: two ways a notebook front end puts a text/html output into the page.
import { MimeModel, RenderMimeRegistry, standardRendererFactories } from "@jupyterlab/rendermime";
import { Widget } from "@lumino/widgets";

// JupyterLab's own path: the registry picks the bundle's MIME type (trusted output, as after Run All) and its renderer
// widget draws it; the HTML renderer re-creates <script> elements so they run.
window.renderWithJupyterLab = async (bundle, host) => {
  const registry = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  const mimeType = registry.preferredMimeType(bundle, "any");
  const renderer = registry.createRenderer(mimeType);
  Widget.attach(renderer, host);
  await renderer.renderModel(new MimeModel({ data: bundle, trusted: true }));
  return mimeType;
};

// VS Code's built-in notebook renderer (extensions/notebook-renderers), restated from its documented behaviour: the HTML
// goes into a new <div> via innerHTML, the div is appended to the output container, then every <script> in it is
// replaced by a fresh element carrying its text and its type/src/nonce/noModule/async attributes, appended and removed.
window.renderLikeVsCode = (html, host) => {
  const element = document.createElement("div");
  element.innerHTML = html;
  host.appendChild(element);
  for (const original of Array.from(element.getElementsByTagName("script"))) {
    const fresh = document.createElement("script");
    fresh.text = original.innerText;
    for (const name of ["type", "src", "nonce", "noModule", "async"]) {
      const value = original[name] || original.getAttribute(name);
      if (value) fresh.setAttribute(name, value);
    }
    element.appendChild(fresh).remove();
  }
  return "text/html";
};
