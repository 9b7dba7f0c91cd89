"""Guided lessons in the app: ``guide`` opens and closes them on the playground, ``step``
shows the open lesson's step (the lesson panel), ``picker`` lists them. The lessons
themselves, their goals and a student's progress are ``playground.lessons`` (no Panel).
"""
