// Written by tests/ipc/recorded.rs from the real core's answers: do not edit.
import type { Step } from "./steps";

export const read_only: Step[] = [
  {
    "args": {
      "first": null
    },
    "cmd": "load_plan",
    "ok": {
      "analysis": {
        "as_of": "2026-11-27",
        "curve": [
          {
            "date": "2025-05-01",
            "value": 1000.0000000000016
          },
          {
            "date": "2025-06-01",
            "value": 1215.9942094859684
          },
          {
            "date": "2025-07-01",
            "value": 1469.3433361500217
          },
          {
            "date": "2025-08-01",
            "value": 1786.7129885052184
          },
          {
            "date": "2025-09-01",
            "value": 2172.632648035712
          },
          {
            "date": "2025-10-01",
            "value": 2625.2948232728313
          },
          {
            "date": "2025-11-01",
            "value": 3192.343303293244
          },
          {
            "date": "2025-12-01",
            "value": 3857.4594540050743
          },
          {
            "date": "2026-01-01",
            "value": 4690.648359397072
          },
          {
            "date": "2026-02-01",
            "value": 5703.801243761684
          },
          {
            "date": "2026-03-01",
            "value": 6805.761290755943
          },
          {
            "date": "2026-04-01",
            "value": 8275.766320702971
          },
          {
            "date": "2026-05-01",
            "value": 10000.0
          },
          {
            "date": "2026-06-01",
            "value": 12159.942094859687
          },
          {
            "date": "2026-07-01",
            "value": 14693.433361500222
          },
          {
            "date": "2026-08-01",
            "value": 17867.12988505217
          },
          {
            "date": "2026-09-01",
            "value": 21726.326480357122
          },
          {
            "date": "2026-10-01",
            "value": 26252.948232728297
          },
          {
            "date": "2026-11-01",
            "value": 31923.43303293242
          },
          {
            "date": "2026-12-01",
            "value": 38574.59454005072
          },
          {
            "date": "2027-01-01",
            "value": 46906.4835939707
          },
          {
            "date": "2027-02-01",
            "value": 57038.012437616904
          },
          {
            "date": "2027-03-01",
            "value": 68057.61290755938
          },
          {
            "date": "2027-04-01",
            "value": 82757.66320702966
          },
          {
            "date": "2027-05-01",
            "value": 100000.0
          },
          {
            "date": "2027-06-01",
            "value": 121534.46500170608
          },
          {
            "date": "2027-07-01",
            "value": 146779.92676220692
          },
          {
            "date": "2027-08-01",
            "value": 178388.19872034414
          },
          {
            "date": "2027-09-01",
            "value": 216803.1429409509
          },
          {
            "date": "2027-10-01",
            "value": 261838.0674341417
          },
          {
            "date": "2027-11-01",
            "value": 318223.49442689045
          },
          {
            "date": "2027-12-01",
            "value": 384325.7236154111
          },
          {
            "date": "2028-01-01",
            "value": 467088.2120599253
          },
          {
            "date": "2028-02-01",
            "value": 567673.1596130645
          },
          {
            "date": "2028-03-01",
            "value": 681292.0690579612
          },
          {
            "date": "2028-04-01",
            "value": 828004.671228647
          },
          {
            "date": "2028-05-01",
            "value": 1000000.0
          }
        ],
        "cycle": {
          "actual": 27300.0,
          "bottleneck": "activation",
          "days_left": 54,
          "end": "2027-01-20",
          "number": 7,
          "on_bottleneck": [
            {
              "id": "1",
              "title": "Concierge onboarding for the first 20 customers"
            },
            {
              "id": "2",
              "title": "Guided first-insight setup"
            },
            {
              "id": "3",
              "title": "Theme clustering accuracy above 85 %"
            },
            {
              "id": "4",
              "title": "Import 12 months of ticket history in minutes"
            }
          ],
          "ratio": 0.5162677253229409,
          "start": "2026-10-23",
          "summary": "Cycle 7 · 2026-10-23 to 2027-01-20, 54 days left: reach $52,880 ARR ($27,300 ARR now, 52 %).",
          "target": 52879.54032556081
        },
        "finding_counts": {
          "errors": 0,
          "hints": 1,
          "warnings": 4
        },
        "findings": [
          {
            "id": "K003",
            "items": [
              {
                "id": "7",
                "kind": "actual"
              }
            ],
            "message": "Traction is behind the roadmap: $27,300 ARR on 2026-11-22 is 75 % of the $36,445 ARR the ladder expects. Put the next 90 days into activation, the bottleneck of your customer factory.",
            "severity": "warning"
          },
          {
            "id": "K004",
            "items": [
              {
                "id": "12",
                "kind": "feature"
              }
            ],
            "message": "Technology ahead of the business: “Multi-region sharded event store for 100 million users” is built for 100M users or customers, while the next milestone (Year 2: MSC ÷ 10) needs about 170 customers — over 10× more than the business needs. Build for the next milestone and scale when customers ask for it.",
            "severity": "warning"
          },
          {
            "id": "K006",
            "items": [
              {
                "id": "6",
                "kind": "feature"
              }
            ],
            "message": "Operational work at the MVP stage: “In-house billing and invoicing system” is planned now and is not a quick win. Before product/market fit, buy a SaaS product for it, or keep doing it by hand until it is easy and highly repetitive, and put the time into the business risks.",
            "severity": "warning"
          },
          {
            "id": "K007",
            "items": [
              {
                "id": "3",
                "kind": "feature"
              },
              {
                "id": "4",
                "kind": "feature"
              },
              {
                "id": "6",
                "kind": "feature"
              },
              {
                "id": "10",
                "kind": "feature"
              }
            ],
            "message": "Priority inversion: 3 features in progress or planned for now rank below “Intercom integration” (#6), which waits as an idea; the first of them is “Theme clustering accuracy above 85 %” (#11, in progress). Retire the bigger risk first: pull the waiting feature forward, or lower its risk level if it really matters less.",
            "severity": "warning"
          },
          {
            "id": "K009",
            "items": [
              {
                "id": "12",
                "kind": "feature"
              },
              {
                "id": "20",
                "kind": "feature"
              },
              {
                "id": "21",
                "kind": "feature"
              }
            ],
            "message": "3 open features, such as “Multi-region sharded event store for 100 million users”, are linked to no milestone and no customer-factory step. Link each feature to the traction it moves, or ask why it is on the roadmap.",
            "severity": "hint"
          }
        ],
        "first_steps": [],
        "horizons": {
          "later": 7,
          "next": 7,
          "now": 7
        },
        "portfolio": {
          "funding": 0.0,
          "funding_text": "$0",
          "headcount": 0,
          "is_portfolio": false,
          "quarter": "2026-Q4",
          "quarter_label": "Q4 2026",
          "stages": "",
          "teams": [
            {
              "attention": "unmeasured",
              "funding": null,
              "funding_before": null,
              "funding_grows": false,
              "funding_next": null,
              "headcount": null,
              "id": "1",
              "kind": "product",
              "kpi": null,
              "mission": "",
              "name": "Core product team",
              "now_share": 1.0,
              "now_weeks": 34.0,
              "open_features": 11,
              "size": 6,
              "text": {
                "funding": "—",
                "funding_change": "",
                "headcount": "—",
                "kpi": "No KPI",
                "now_share": "100 %",
                "projection": "",
                "status": "Not measured",
                "trend": ""
              }
            }
          ]
        },
        "ranking": [
          {
            "id": "2",
            "rank": 1,
            "reason": "business risk, level 5; tie broken by RICE 140",
            "score": 140.0
          },
          {
            "id": "1",
            "rank": 2,
            "reason": "business risk, level 5; tie broken by RICE 24",
            "score": 24.0
          },
          {
            "id": "5",
            "rank": 3,
            "reason": "business risk, level 4; tie broken by RICE 150",
            "score": 150.0
          },
          {
            "id": "9",
            "rank": 4,
            "reason": "business risk, level 4; tie broken by RICE 125",
            "score": 125.0
          },
          {
            "id": "8",
            "rank": 5,
            "reason": "business risk, level 4; tie broken by RICE 100",
            "score": 100.0
          },
          {
            "id": "10",
            "rank": 6,
            "reason": "business risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "11",
            "rank": 7,
            "reason": "business risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "15",
            "rank": 8,
            "reason": "business risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "16",
            "rank": 9,
            "reason": "business risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "17",
            "rank": 10,
            "reason": "business risk, level 2",
            "score": null
          },
          {
            "id": "3",
            "rank": 11,
            "reason": "technical risk, level 5",
            "score": 66.66666666666667
          },
          {
            "id": "4",
            "rank": 12,
            "reason": "technical risk, level 4",
            "score": 80.0
          },
          {
            "id": "12",
            "rank": 13,
            "reason": "technical risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "13",
            "rank": 14,
            "reason": "technical risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "21",
            "rank": 15,
            "reason": "technical risk, level 3; then in the team's own order",
            "score": null
          },
          {
            "id": "18",
            "rank": 16,
            "reason": "technical risk, level 2; then in the team's own order",
            "score": null
          },
          {
            "id": "19",
            "rank": 17,
            "reason": "technical risk, level 2; then in the team's own order",
            "score": null
          },
          {
            "id": "20",
            "rank": 18,
            "reason": "technical risk, level 2; then in the team's own order",
            "score": null
          },
          {
            "id": "7",
            "rank": 19,
            "reason": "operational quick win, level 2",
            "score": null
          },
          {
            "id": "14",
            "rank": 20,
            "reason": "operational quick win, level 1",
            "score": null
          },
          {
            "id": "6",
            "rank": 21,
            "reason": "operational task, level 3",
            "score": null
          }
        ],
        "suggestions": {
          "feature": {
            "build_or_buy": "undecided",
            "confidence": null,
            "description": "",
            "effort_weeks": null,
            "end_date": null,
            "factory_step": null,
            "horizon": "next",
            "impact": null,
            "milestone_id": null,
            "quick_win": false,
            "reach": null,
            "replatform": false,
            "risk_class": "business",
            "risk_level": 3,
            "scale_assumption": null,
            "source": null,
            "stage": "mvp",
            "start_date": null,
            "status": "idea",
            "team_id": null,
            "title": ""
          },
          "goal": {
            "acquisition_rate": null,
            "activation_rate": null,
            "custom_unit": null,
            "deadline": "2028-05-01",
            "lifetime_months": 24.0,
            "metric": "arr",
            "msc_target": 1000000.0,
            "referral_rate": null,
            "revenue_per_customer_month": 100.0
          },
          "milestone": {
            "date": "2029-05-01",
            "name": "New milestone",
            "ninety_day_goals": "",
            "target": 2000000.0
          }
        },
        "traction": {
          "expected_today": 37613.389021367664,
          "factory": {
            "bottleneck": "activation",
            "period_start": "2026-11-16",
            "steps": [
              {
                "conversion": null,
                "count": 570,
                "step": "acquisition"
              },
              {
                "conversion": 0.08947368421052632,
                "count": 51,
                "step": "activation"
              },
              {
                "conversion": 0.8235294117647058,
                "count": 42,
                "step": "retention"
              },
              {
                "conversion": 0.7857142857142857,
                "count": 33,
                "step": "revenue"
              },
              {
                "conversion": 0.2727272727272727,
                "count": 9,
                "step": "referral"
              }
            ]
          },
          "factory_focus": "Activation is the bottleneck (9 % of new users reach their first success): 80 % of this cycle's effort belongs on it.",
          "factory_weeks": [
            {
              "bottleneck": "activation",
              "period_start": "2026-10-12",
              "steps": [
                {
                  "conversion": null,
                  "count": 380,
                  "step": "acquisition"
                },
                {
                  "conversion": 0.08947368421052632,
                  "count": 34,
                  "step": "activation"
                },
                {
                  "conversion": 0.8235294117647058,
                  "count": 28,
                  "step": "retention"
                },
                {
                  "conversion": 0.7857142857142857,
                  "count": 22,
                  "step": "revenue"
                },
                {
                  "conversion": 0.2727272727272727,
                  "count": 6,
                  "step": "referral"
                }
              ]
            },
            {
              "bottleneck": "activation",
              "period_start": "2026-10-19",
              "steps": [
                {
                  "conversion": null,
                  "count": 418,
                  "step": "acquisition"
                },
                {
                  "conversion": 0.08851674641148326,
                  "count": 37,
                  "step": "activation"
                },
                {
                  "conversion": 0.8108108108108109,
                  "count": 30,
                  "step": "retention"
                },
                {
                  "conversion": 0.8,
                  "count": 24,
                  "step": "revenue"
                },
                {
                  "conversion": 0.25,
                  "count": 6,
                  "step": "referral"
                }
              ]
            },
            {
              "bottleneck": "activation",
              "period_start": "2026-10-26",
              "steps": [
                {
                  "conversion": null,
                  "count": 456,
                  "step": "acquisition"
                },
                {
                  "conversion": 0.08771929824561403,
                  "count": 40,
                  "step": "activation"
                },
                {
                  "conversion": 0.825,
                  "count": 33,
                  "step": "retention"
                },
                {
                  "conversion": 0.7878787878787878,
                  "count": 26,
                  "step": "revenue"
                },
                {
                  "conversion": 0.2692307692307692,
                  "count": 7,
                  "step": "referral"
                }
              ]
            },
            {
              "bottleneck": "activation",
              "period_start": "2026-11-02",
              "steps": [
                {
                  "conversion": null,
                  "count": 494,
                  "step": "acquisition"
                },
                {
                  "conversion": 0.08906882591093117,
                  "count": 44,
                  "step": "activation"
                },
                {
                  "conversion": 0.8181818181818182,
                  "count": 36,
                  "step": "retention"
                },
                {
                  "conversion": 0.7777777777777778,
                  "count": 28,
                  "step": "revenue"
                },
                {
                  "conversion": 0.25,
                  "count": 7,
                  "step": "referral"
                }
              ]
            },
            {
              "bottleneck": "activation",
              "period_start": "2026-11-09",
              "steps": [
                {
                  "conversion": null,
                  "count": 532,
                  "step": "acquisition"
                },
                {
                  "conversion": 0.08834586466165413,
                  "count": 47,
                  "step": "activation"
                },
                {
                  "conversion": 0.8297872340425532,
                  "count": 39,
                  "step": "retention"
                },
                {
                  "conversion": 0.7692307692307693,
                  "count": 30,
                  "step": "revenue"
                },
                {
                  "conversion": 0.26666666666666666,
                  "count": 8,
                  "step": "referral"
                }
              ]
            },
            {
              "bottleneck": "activation",
              "period_start": "2026-11-16",
              "steps": [
                {
                  "conversion": null,
                  "count": 570,
                  "step": "acquisition"
                },
                {
                  "conversion": 0.08947368421052632,
                  "count": 51,
                  "step": "activation"
                },
                {
                  "conversion": 0.8235294117647058,
                  "count": 42,
                  "step": "retention"
                },
                {
                  "conversion": 0.7857142857142857,
                  "count": 33,
                  "step": "revenue"
                },
                {
                  "conversion": 0.2727272727272727,
                  "count": 9,
                  "step": "referral"
                }
              ]
            }
          ],
          "figures": {
            "active_customers": 1701.0,
            "leads_per_month": 256.0,
            "monthly_churn": 0.041666666666666664,
            "new_customers_per_month": 71.0,
            "visitors_per_month": 6378.0
          },
          "monthly_growth": 0.19287620431772456,
          "progress": {
            "actual": 27300.0,
            "date": "2026-11-22",
            "expected": 36445.49352776557,
            "ratio": 0.7490638034357202,
            "status": "behind"
          },
          "projection": {
            "date": "2027-07-05",
            "kind": "reached",
            "milestone": "Year 2: MSC ÷ 10",
            "on_time": false,
            "target": 100000.0
          },
          "summary": "Behind: $27,300 ARR on 2026-11-22 is 75 % of the $36,445 ARR the ladder expects. At the recent growth rate, Year 2: MSC ÷ 10 is reached on 2027-07-05, later than planned.",
          "unit": {
            "code": "USD",
            "kind": "currency",
            "metric": "ARR"
          }
        }
      },
      "complete": true,
      "document": {
        "actuals": [
          {
            "data": {
              "date": "2026-05-26",
              "value": 9600.0
            },
            "id": "1"
          },
          {
            "data": {
              "date": "2026-06-25",
              "value": 11500.0
            },
            "id": "2"
          },
          {
            "data": {
              "date": "2026-07-25",
              "value": 13500.0
            },
            "id": "3"
          },
          {
            "data": {
              "date": "2026-08-24",
              "value": 16100.0
            },
            "id": "4"
          },
          {
            "data": {
              "date": "2026-09-23",
              "value": 19200.0
            },
            "id": "5"
          },
          {
            "data": {
              "date": "2026-10-23",
              "value": 22900.0
            },
            "id": "6"
          },
          {
            "data": {
              "date": "2026-11-22",
              "value": 27300.0
            },
            "id": "7"
          }
        ],
        "canvas": {
          "channels": "Support-community newsletters and meet-ups.\nHelp-desk app marketplaces.\nReferrals from heads of support.",
          "cost_structure": "Two founders and four engineers.\nCloud hosting and language-model usage (about $6 per workspace per month).",
          "customer_segments": "Heads of product at SaaS companies of 10–50 people.\nEarly adopters: teams already tagging tickets by hand.",
          "key_metrics": "Workspaces that reach their first insight within 24 hours (activation).\nWeekly active product managers.\nARR.",
          "problem": "Product teams guess what customers need.\nSupport tickets hold the answer but nobody has time to read them.\nSurveys are slow and answered by the happy few.",
          "revenue_streams": "Subscription: $49 per month per workspace.\nAnnual plan later.",
          "solution": "Connect the help desk in two clicks.\nCluster conversations into themes.\nRank themes by the revenue of the accounts raising them.",
          "unfair_advantage": "The founders ran support at two SaaS companies and know the community by name.",
          "unique_value_proposition": "Your customers' top problems, ranked by revenue at risk, every Monday — without reading a ticket."
        },
        "factory_snapshots": [
          {
            "data": {
              "acquisition": 380,
              "activation": 34,
              "period_start": "2026-10-12",
              "referral": 6,
              "retention": 28,
              "revenue": 22
            },
            "id": "1"
          },
          {
            "data": {
              "acquisition": 418,
              "activation": 37,
              "period_start": "2026-10-19",
              "referral": 6,
              "retention": 30,
              "revenue": 24
            },
            "id": "2"
          },
          {
            "data": {
              "acquisition": 456,
              "activation": 40,
              "period_start": "2026-10-26",
              "referral": 7,
              "retention": 33,
              "revenue": 26
            },
            "id": "3"
          },
          {
            "data": {
              "acquisition": 494,
              "activation": 44,
              "period_start": "2026-11-02",
              "referral": 7,
              "retention": 36,
              "revenue": 28
            },
            "id": "4"
          },
          {
            "data": {
              "acquisition": 532,
              "activation": 47,
              "period_start": "2026-11-09",
              "referral": 8,
              "retention": 39,
              "revenue": 30
            },
            "id": "5"
          },
          {
            "data": {
              "acquisition": 570,
              "activation": 51,
              "period_start": "2026-11-16",
              "referral": 9,
              "retention": 42,
              "revenue": 33
            },
            "id": "6"
          }
        ],
        "features": [
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.8,
              "description": "Do by hand what the product will later do: a founder sets up each new workspace with the customer on a call and writes down every step where they get stuck.",
              "effort_weeks": 2.0,
              "end_date": "2026-10-29",
              "factory_step": "activation",
              "horizon": "now",
              "impact": 3.0,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 20.0,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 5,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-01",
              "status": "in_progress",
              "team_id": "1",
              "title": "Concierge onboarding for the first 20 customers"
            },
            "id": "1",
            "position": 1
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.7,
              "description": "A three-step setup that ends on the customer's own top theme, so a new workspace sees value on day one.",
              "effort_weeks": 4.0,
              "end_date": "2026-11-26",
              "factory_step": "activation",
              "horizon": "now",
              "impact": 2.0,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 400.0,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 5,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-15",
              "status": "planned",
              "team_id": "1",
              "title": "Guided first-insight setup"
            },
            "id": "2",
            "position": 2
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.5,
              "description": "The riskiest technical bet: themes must match what a head of support would tag by hand in at least 85 % of conversations.",
              "effort_weeks": 6.0,
              "end_date": "2026-12-24",
              "factory_step": "activation",
              "horizon": "now",
              "impact": 2.0,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 400.0,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 5,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-29",
              "status": "in_progress",
              "team_id": "1",
              "title": "Theme clustering accuracy above 85 %"
            },
            "id": "3",
            "position": 3
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.8,
              "description": "",
              "effort_weeks": 3.0,
              "end_date": "2026-12-10",
              "factory_step": "activation",
              "horizon": "now",
              "impact": 1.0,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 300.0,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 4,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-11-12",
              "status": "planned",
              "team_id": "1",
              "title": "Import 12 months of ticket history in minutes"
            },
            "id": "4",
            "position": 4
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.5,
              "description": "",
              "effort_weeks": 1.0,
              "end_date": "2026-11-12",
              "factory_step": "revenue",
              "horizon": "now",
              "impact": 1.0,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 300.0,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 4,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-01",
              "status": "planned",
              "team_id": "1",
              "title": "Pricing experiment: per seat or per workspace"
            },
            "id": "5",
            "position": 5
          },
          {
            "data": {
              "build_or_buy": "build",
              "confidence": null,
              "description": "Build our own invoicing, tax and dunning instead of using the payment provider's billing.",
              "effort_weeks": 12.0,
              "end_date": "2026-12-10",
              "factory_step": "revenue",
              "horizon": "now",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "operational",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-15",
              "status": "planned",
              "team_id": "1",
              "title": "In-house billing and invoicing system"
            },
            "id": "6",
            "position": 6
          },
          {
            "data": {
              "build_or_buy": "buy",
              "confidence": null,
              "description": "A no-code automation in the CRM tags each sign-up with its help desk, saving an hour a day of copying.",
              "effort_weeks": 6.0,
              "end_date": "2026-11-26",
              "factory_step": "acquisition",
              "horizon": "now",
              "impact": null,
              "milestone_id": "2",
              "quick_win": true,
              "reach": null,
              "replatform": false,
              "risk_class": "operational",
              "risk_level": 2,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-29",
              "status": "planned",
              "team_id": "1",
              "title": "Auto-tag new sign-ups in the CRM"
            },
            "id": "7",
            "position": 7
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.8,
              "description": "",
              "effort_weeks": 2.0,
              "end_date": "2027-04-16",
              "factory_step": "retention",
              "horizon": "next",
              "impact": 1.0,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 250.0,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 4,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2027-02-12",
              "status": "planned",
              "team_id": "1",
              "title": "Weekly insight digest e-mail"
            },
            "id": "8",
            "position": 8
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": 0.5,
              "description": "",
              "effort_weeks": 2.0,
              "end_date": "2027-02-12",
              "factory_step": "acquisition",
              "horizon": "next",
              "impact": 0.5,
              "milestone_id": "2",
              "quick_win": false,
              "reach": 1000.0,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 4,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2027-01-01",
              "status": "planned",
              "team_id": "1",
              "title": "Zendesk marketplace listing"
            },
            "id": "9",
            "position": 9
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "acquisition",
              "horizon": "next",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Intercom integration"
            },
            "id": "10",
            "position": 10
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": 9.0,
              "end_date": "2027-03-12",
              "factory_step": "acquisition",
              "horizon": "next",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2027-01-29",
              "status": "planned",
              "team_id": "1",
              "title": "Case study with the first design partner"
            },
            "id": "11",
            "position": 11
          },
          {
            "data": {
              "build_or_buy": "build",
              "confidence": null,
              "description": "Re-platform storage onto a sharded, multi-region event store that scales to 100 million end users.",
              "effort_weeks": 13.5,
              "end_date": "2027-04-16",
              "factory_step": null,
              "horizon": "next",
              "impact": null,
              "milestone_id": null,
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 3,
              "scale_assumption": 100000000.0,
              "source": null,
              "stage": "scaling",
              "start_date": "2027-02-12",
              "status": "planned",
              "team_id": "1",
              "title": "Multi-region sharded event store for 100 million users"
            },
            "id": "12",
            "position": 12
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "acquisition",
              "horizon": "next",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Spanish and German conversations"
            },
            "id": "13",
            "position": 13
          },
          {
            "data": {
              "build_or_buy": "buy",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "retention",
              "horizon": "next",
              "impact": null,
              "milestone_id": "2",
              "quick_win": true,
              "reach": null,
              "replatform": false,
              "risk_class": "operational",
              "risk_level": 1,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Help-desk macros for common support answers"
            },
            "id": "14",
            "position": 14
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "referral",
              "horizon": "later",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Referral credit for inviting a teammate"
            },
            "id": "15",
            "position": 15
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "retention",
              "horizon": "later",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Slack alerts for trending complaints"
            },
            "id": "16",
            "position": 16
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "revenue",
              "horizon": "later",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 2,
              "scale_assumption": null,
              "source": null,
              "stage": "scaling",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Annual plan with two months free"
            },
            "id": "17",
            "position": 17
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "revenue",
              "horizon": "later",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 2,
              "scale_assumption": null,
              "source": null,
              "stage": "scaling",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Usage-based metering pipeline"
            },
            "id": "18",
            "position": 18
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "retention",
              "horizon": "later",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 2,
              "scale_assumption": null,
              "source": null,
              "stage": "scaling",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Public data export API"
            },
            "id": "19",
            "position": 19
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": null,
              "horizon": "later",
              "impact": null,
              "milestone_id": null,
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 2,
              "scale_assumption": null,
              "source": null,
              "stage": "enterprise",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "Single sign-on (SAML)"
            },
            "id": "20",
            "position": 20
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": null,
              "horizon": "later",
              "impact": null,
              "milestone_id": null,
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "technical",
              "risk_level": 3,
              "scale_assumption": null,
              "source": null,
              "stage": "enterprise",
              "start_date": null,
              "status": "idea",
              "team_id": null,
              "title": "SOC 2 Type II readiness"
            },
            "id": "21",
            "position": 21
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": 6.0,
              "end_date": "2026-11-12",
              "factory_step": "acquisition",
              "horizon": "now",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 5,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-15",
              "status": "done",
              "team_id": null,
              "title": "Landing page with waitlist"
            },
            "id": "22",
            "position": 22
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": 9.0,
              "end_date": "2026-12-10",
              "factory_step": "retention",
              "horizon": "now",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 4,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": "2026-10-29",
              "status": "done",
              "team_id": null,
              "title": "Churn interviews with ten lost trials"
            },
            "id": "23",
            "position": 23
          },
          {
            "data": {
              "build_or_buy": "undecided",
              "confidence": null,
              "description": "",
              "effort_weeks": null,
              "end_date": null,
              "factory_step": "acquisition",
              "horizon": "later",
              "impact": null,
              "milestone_id": "2",
              "quick_win": false,
              "reach": null,
              "replatform": false,
              "risk_class": "business",
              "risk_level": 2,
              "scale_assumption": null,
              "source": null,
              "stage": "mvp",
              "start_date": null,
              "status": "dropped",
              "team_id": null,
              "title": "Chrome extension for support agents"
            },
            "id": "24",
            "position": 24
          }
        ],
        "format": 2,
        "goal": {
          "acquisition_rate": 0.04,
          "activation_rate": 0.25,
          "custom_unit": null,
          "deadline": "2028-05-01",
          "lifetime_months": 24.0,
          "metric": "arr",
          "msc_target": 1000000.0,
          "referral_rate": 0.1,
          "revenue_per_customer_month": 49.0
        },
        "milestones": [
          {
            "data": {
              "date": "2026-05-01",
              "name": "Year 1: MSC ÷ 100",
              "ninety_day_goals": "",
              "target": 10000.0
            },
            "id": "1"
          },
          {
            "data": {
              "date": "2027-05-01",
              "name": "Year 2: MSC ÷ 10",
              "ninety_day_goals": "",
              "target": 100000.0
            },
            "id": "2"
          },
          {
            "data": {
              "date": "2028-05-01",
              "name": "Year 3: Minimum Success Criteria",
              "ninety_day_goals": "",
              "target": 1000000.0
            },
            "id": "3"
          }
        ],
        "plan": {
          "created_at": "2026-11-27T10:00:00Z",
          "data": {
            "company_name": "Loomline",
            "currency": "USD",
            "enterprise_from": null,
            "scaling_from": null,
            "stage": "mvp",
            "start_date": "2025-05-01",
            "strategy": "1. Win small SaaS teams first (10–50 people) who run support in Zendesk or Intercom and have no research team.\n2. Prove activation before scale: a new customer must see their first real insight within one day of connecting their help desk.\n3. Grow through the support community: case studies and referrals from heads of support.\n4. Keep technology one step behind the business: one region, one database, until paying customers ask for more.",
            "tagline": "Turn every support conversation into a product decision.",
            "vision": "Every product team hears its customers as clearly as its best support agent does.\n\nLoomline reads the conversations a SaaS company already has — support tickets, chats, sales calls — and tells the product team, every week, which problems cost them the most customers and revenue."
          },
          "updated_at": "2026-11-27T10:00:00Z"
        },
        "teams": [
          {
            "data": {
              "kind": "product",
              "kpi": null,
              "mission": "",
              "name": "Core product team",
              "quarters": [],
              "size": 6
            },
            "id": "1"
          }
        ]
      },
      "view": {
        "file_name": "plan.keel",
        "path": "/plans/plan.keel",
        "plan": {
          "created_at": "2026-11-27T10:00:00Z",
          "data": {
            "company_name": "Loomline",
            "currency": "USD",
            "enterprise_from": null,
            "scaling_from": null,
            "stage": "mvp",
            "start_date": "2025-05-01",
            "strategy": "1. Win small SaaS teams first (10–50 people) who run support in Zendesk or Intercom and have no research team.\n2. Prove activation before scale: a new customer must see their first real insight within one day of connecting their help desk.\n3. Grow through the support community: case studies and referrals from heads of support.\n4. Keep technology one step behind the business: one region, one database, until paying customers ask for more.",
            "tagline": "Turn every support conversation into a product decision.",
            "vision": "Every product team hears its customers as clearly as its best support agent does.\n\nLoomline reads the conversations a SaaS company already has — support tickets, chats, sales calls — and tells the product team, every week, which problems cost them the most customers and revenue."
          },
          "updated_at": "2026-11-27T10:00:00Z"
        },
        "read_only": "the file is read-only",
        "refusal": "This plan is open read-only (the file is read-only); the change was not saved."
      }
    }
  },
  {
    "args": {
      "op": {
        "id": "1",
        "op": "delete_feature"
      }
    },
    "cmd": "apply",
    "error": {
      "code": "read_only",
      "field": null,
      "message": "This plan is open read-only (the file is read-only); the change was not saved."
    }
  }
];
