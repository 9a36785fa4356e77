"""The plots panel, one job per module:

panel.py      PlotsPanel: the grid of plots; loss, parameter and gradient history
data_plot.py  DataPlot: the samples, the truth and the model's fitted line; drawing on it
              (DataPlotBox adds its tools: Clear, Undo)
"""
