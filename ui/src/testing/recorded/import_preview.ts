// Written by tests/ipc/recorded.rs from the real core's answers: do not edit.
import type { Step } from "./steps";

export const import_preview: Step[] = [
  {
    "args": {
      "kind": "features"
    },
    "cmd": "pick_import_file",
    "ok": "linear.csv"
  },
  {
    "args": {
      "options": {
        "date_order": null,
        "mapping": null,
        "statuses": []
      }
    },
    "cmd": "preview_feature_import",
    "ok": {
      "added": 2,
      "archived": 0,
      "columns": [
        {
          "header": "ID",
          "samples": [
            "ENG-1",
            "ENG-2"
          ]
        },
        {
          "header": "Title",
          "samples": [
            "SSO for enterprise",
            "Usage dashboard"
          ]
        },
        {
          "header": "Status",
          "samples": [
            "Todo",
            "Backlog"
          ]
        },
        {
          "header": "Priority",
          "samples": [
            "High",
            "Low"
          ]
        },
        {
          "header": "Estimate",
          "samples": [
            "3"
          ]
        }
      ],
      "date_order": null,
      "fields": [
        {
          "field": "title",
          "label": "Title"
        },
        {
          "field": "description",
          "label": "Description"
        },
        {
          "field": "status",
          "label": "Status"
        },
        {
          "field": "horizon",
          "label": "Horizon"
        },
        {
          "field": "risk_class",
          "label": "Risk class"
        },
        {
          "field": "risk_level",
          "label": "Risk level (from priority)"
        },
        {
          "field": "stage",
          "label": "Stage"
        },
        {
          "field": "start_date",
          "label": "Start date"
        },
        {
          "field": "end_date",
          "label": "End date"
        },
        {
          "field": "effort",
          "label": "Effort (person-weeks)"
        },
        {
          "field": "reach",
          "label": "Reach"
        },
        {
          "field": "impact",
          "label": "Impact"
        },
        {
          "field": "confidence",
          "label": "Confidence"
        },
        {
          "field": "team",
          "label": "Team"
        },
        {
          "field": "source_id",
          "label": "Issue id (matched on a second import)"
        }
      ],
      "from": "a spreadsheet",
      "mapping": [
        "source_id",
        "title",
        "status",
        "risk_level",
        "effort"
      ],
      "more_problems": 0,
      "needs_date_order": false,
      "notes": [
        "Status: Backlog, Triage, Open → idea; Todo, To Do, Ready → planned; In Progress, In Review, Started → in progress; Done, Completed, Closed → done; Canceled, Won't do, Duplicate → dropped.",
        "Priority → risk level: Urgent, Highest, P0 → 5; High, P1 → 4; Medium, P2 → 3; Low, P3 → 2; Lowest, No priority, P4 → 1.",
        "Horizon of new features, from the status: in progress → now, planned → next, the others → later."
      ],
      "preview": [
        {
          "cells": [
            "ENG-1",
            "SSO for enterprise",
            "Todo",
            "High",
            "3"
          ],
          "line": 2,
          "outcome": "new"
        },
        {
          "cells": [
            "ENG-2",
            "Usage dashboard",
            "Backlog",
            "Low",
            ""
          ],
          "line": 3,
          "outcome": "new"
        }
      ],
      "problems": [],
      "rows": 2,
      "statuses": [],
      "tool": "spreadsheet",
      "unchanged": 0,
      "updated": 0
    }
  }
];
