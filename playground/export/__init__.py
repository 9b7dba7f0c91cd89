"""The playground's work, out as files: a runnable numpy script, a notebook, the network's weights
(and back in), the data and the loss history.

Every export is a pure function of a ``Trainer`` that returns the file's text, with numpy and this
package only and no file system, so the command line (``python -m playground export``) and the
page's Python (in Pyodide) call the same ones.

    program.py         the setup as a standalone numpy program, in parts (made from the
                       engine's own generator code, source_code.py, and its math written
                       as numpy text, numpy_code.py; the weights and what training
                       remembers written out, training_memory.py)
    script.py          the program as a .py file
    notebook.py        the program as a Jupyter notebook, with a picture of the boundary
"""
