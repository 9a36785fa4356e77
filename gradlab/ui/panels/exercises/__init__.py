"""The Exercises panel, one job per module:

panel.py          ExercisesPanel: the dock's widget, two tabs, and what the window calls
challenges.py     ChallengesPage: the challenges, Start, the goal checked as the student works
predict.py        PredictPage: predict mode, guesses compared with torch's values
predict_texts.py  how a judged prediction is written out
"""
