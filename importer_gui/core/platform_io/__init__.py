"""The round trip with the platform, without Qt.

- ``export_config``: the platform's export configuration (``<export-config>``) read safely
  into dataclasses, and the one ``export-config`` writes for a refresh to read;
- ``refresh``: an export's file planned against the store as rows with outcomes and issues
  (like an import), then committed as a run of the history; ``learners`` (learners, their
  entities, learning objects), ``followed`` (registrations and tracking) and ``events``
  (classroom events onto the interventions they match) plan the rows of those exports.

``core/package.py`` (a folder the platform reads as it is) and ``core/sftp.py`` (sending it
to the platform's drop folder) are the way back.
"""
