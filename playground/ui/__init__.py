"""The Panel components around the views: the controls, the network's and a weight's editors,
the dataset thumbnails, the Share / Embed dialog, accessible names, the layouts' sizes, and the
lessons' guide, step and picker (``ui.lessons``). ``playground.app`` lays them out.
"""
