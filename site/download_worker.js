// Downloads the start-up's big files that Python reads (the stdlib's zip and the package
// images, sitebuild/site_image.py) for the loader, on this worker's own thread. The page's
// head starts it with their files and integrity, so their bytes arrive while the page's
// thread is busy starting Python (a preload's bytes wait for that thread: 0.4 s later,
// measured). Posts { file, loaded } as bytes arrive, then { file, bytes } (transferred,
// not copied), or { file, error }.

const PROGRESS_STEP = 256 * 1024; // bytes between progress messages

async function download({ file, integrity }) {
  try {
    const response = await fetch(file, { integrity });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    let unreported = 0;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        unreported += chunk.byteLength;
        if (unreported >= PROGRESS_STEP) {
          postMessage({ file, loaded: unreported });
          unreported = 0;
        }
        controller.enqueue(chunk);
      },
    }));
    const bytes = await new Response(counted).arrayBuffer();
    postMessage({ file, loaded: unreported });
    postMessage({ file, bytes }, [bytes]);
  } catch (error) {
    postMessage({ file, error: String(error?.message ?? error) });
  }
}

// One at a time, in the order Python needs them (the stdlib and numpy's image before it
// starts, the pure-Python image after): on a school's shared line each comes sooner so.
onmessage = async ({ data: files }) => {
  for (const file of files) await download(file);
};
