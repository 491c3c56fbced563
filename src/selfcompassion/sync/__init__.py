"""One journal on several devices, through a folder the person already keeps in sync.

Each journal has a device id, made once and kept in it. A sync writes this device's new
changes to a file of its own in the folder (never touched again once written) and reads
the files of the others. ``clock`` stamps changes with a hybrid logical clock; ``merge``
decides, without files or a database, what a change does to what a device knows;
``changefiles`` writes and reads the files and ``run`` puts it together with the store.
"""
