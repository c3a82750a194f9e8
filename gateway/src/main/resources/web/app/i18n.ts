// The dashboard's words in English and Chinese; KPI names come from the API's catalogue (name, nameZh).
export type Lang = 'en' | 'zh';

const LANG_KEY = 'chatroi.lang';

const WORDS: Record<string, [string, string]> = {
  overview: ['Overview', '概览'], campaigns: ['Campaigns', '营销活动'], roi: ['ROI', '投资回报'],
  team: ['Team', '团队'], contacts: ['Contacts', '联系人'], followUps: ['Follow-ups', '跟进'],
  signIn: ['Sign in', '登录'], signOut: ['Sign out', '退出'], apiKey: ['API key', 'API 密钥'],
  signInHelp: ['Paste an API key. It stays in this browser tab only and is forgotten when you sign out or close the tab.',
    '粘贴 API 密钥。它只保存在此浏览器标签页中，退出或关闭标签页后即被清除。'],
  loading: ['Loading…', '加载中…'], empty: ['Nothing here yet.', '暂无数据。'], retry: ['Retry', '重试'],
  notInRole: ['Not in your role', '不在您的角色权限内'],
  notInRoleHelp: ['Your key’s role may not see this. Ask an admin for a key with another role.',
    '您的密钥角色无权查看此内容。请向管理员申请其他角色的密钥。'],
  range: ['Range', '时间范围'], today: ['Today', '今天'], d7: ['7 days', '7 天'], d30: ['30 days', '30 天'],
  d90: ['90 days', '90 天'], thisMonth: ['This month', '本月'], custom: ['Custom', '自定义'],
  compare: ['Compare with previous period', '与上一周期比较'], from: ['From', '从'], to: ['To', '至'],
  messagesOverTime: ['Messages over time', '消息趋势'], funnel: ['Funnel', '漏斗'],
  largestDrop: ['Largest drop-off', '最大流失'], alerts: ['Live alerts', '实时提醒'],
  asTable: ['Table', '表格'], asChart: ['Chart', '图表'], csv: ['CSV', 'CSV'],
  sent: ['Sent', '已发送'], delivered: ['Delivered', '已送达'], read: ['Read', '已读'], replied: ['Replied', '已回复'],
  conversions: ['Conversions', '转化'], revenue: ['Revenue', '收入'], spend: ['Spend', '支出'],
  clicked: ['Clicked', '已点击'], converted: ['Converted', '已转化'], failed: ['Failed', '失败'],
  skipped: ['Skipped', '跳过'], deferred: ['Deferred', '延后'], queued: ['Queued', '排队中'], holdout: ['Holdout', '对照组'],
  status: ['Status', '状态'], name: ['Name', '名称'], variants: ['Variants', '变体'],
  experiment: ['Experiment', '实验'], winner: ['Winner', '胜出'], notEnough: ['Not enough sends yet', '发送量尚不足'],
  noWinner: ['No significant difference yet', '尚无显著差异'],
  failuresByCode: ['Failures by error code', '按错误码的失败'], skippedByReason: ['Skipped and deferred by reason', '按原因的跳过与延后'],
  pause: ['Pause', '暂停'], resume: ['Resume', '继续'], cancel: ['Cancel campaign', '取消活动'],
  sends: ['Sends', '发送记录'], contact: ['Contact', '联系人'], phone: ['Phone', '电话'], more: ['More', '更多'],
  back: ['Back', '返回'], close: ['Close', '关闭'], costs: ['Costs', '成本'], costByCategory: ['Cost by category', '按类别的成本'],
  costByKind: ['Cost by kind', '按性质的成本'], valueParts: ['Value parts', '价值构成'], basis: ['Basis', '口径'],
  add: ['Add', '添加'], edit: ['Edit', '编辑'], delete: ['Delete', '删除'], save: ['Save', '保存'],
  week: ['Week', '周'], score: ['Score', '得分'], owner: ['Owner', '负责人'], tierMix: ['Tier mix', '分层结构'],
  search: ['Search', '搜索'], due: ['Due now', '现在到期'], overdue: ['Overdue', '已逾期'], upcoming: ['Upcoming', '即将到期'],
  tags: ['Tags', '标签'], deals: ['Deals', '交易'], preferences: ['Preferences', '偏好'], timeline: ['Messages', '消息'],
  tierHistory: ['Tiers', '分层'], vsPrevious: ['vs previous period', '较上一周期'], band: ['Band', '基准区间'],
  page: ['Page', '页'], previous: ['Previous', '上一页'], next: ['Next', '下一页'], rows: ['rows', '行'],
  highActivity: ['High activity', '高活跃'], customers: ['Customers', '客户'], optedOut: ['Opted out', '已退订'],
  pipeline: ['Pipeline by stage', '各阶段联系人'], addedInRange: ['added in the range', '本时段新增'],
  sendsDrillNote: ['Sent and delivered open the sends that went out on these workspace days. The tiles count the reports\u2019 last recompute, the list is live: a send of the last minutes can be listed before the tile counts it.',
    '“已发送”和“已送达”可打开这些工作区日期内发出的发送记录。卡片数字来自报表的最近一次重算，列表为实时数据：最近几分钟的发送可能已列出而卡片尚未计入。'],
  funnelDrillNote: ['Every stage opens its contacts: reach the contacts added in the range, interact, convert and retain those of them that reached the stage, as the last recompute counted them.',
    '每个阶段都可打开其联系人：“触达”为本时段新增的联系人，“互动”“转化”“留存”为其中达到该阶段者，口径与最近一次重算一致。'],
  stage_reach: ['Reach', '触达'], stage_interact: ['Interact', '互动'], stage_convert: ['Convert', '转化'],
  stage_retain: ['Retain', '留存'], convertedSends: ['Converted sends', '已转化的发送'], wonDeals: ['Won deals', '成交订单'],
  openList: ['Open the list behind a bar', '打开柱形背后的列表'],
  openPointList: ['Open the sends behind a day of a line', '打开某条线某一天背后的发送记录'],
  overTimeDrillNote: ['A point opens the sends that went out on that workspace day, at its line\u2019s stage (delivered, read, or replied within the reply window), as the last recompute counted them; the list is live.',
    '点击某个点可打开该工作区日期内发出、并达到该线阶段（已送达、已读，或在回复时限内回复）的发送记录，口径与最近一次重算一致；列表为实时数据。'],
  allContacts: ['All contacts', '全部联系人'],
  language: ['中文', 'English'], error: ['Something went wrong', '出错了'], counters: ['Counters', '计数'],
  refreshing: ['Refreshing every 5 s while sending', '发送中每 5 秒刷新'], filters: ['Filters', '筛选'],
  tileDrillNote: ['Open, reply, click-through and opt-out rates open the sends behind their numerator (sent on these days, then read, replied within the reply window, clicked or opted out). Spend, ROI and ROAS open the costs entered for the range, whole amounts (the reports count only the days inside the range, and add the message fees priced from sends).',
    '打开率、回复率、点击率和退订率可打开其分子对应的发送记录（这些日期内发出，之后已读、在回复时限内回复、已点击或已退订）。支出、ROI 和 ROAS 可打开本时段录入的成本，显示全额（报表只计入时段内的天数，并加上按发送计价的消息费用）。'],
  newEffectiveContacts: ['New effective contacts', '新增有效联系人'], deepInteractionContacts: ['Deep interactions', '深度互动联系人'],
  quotesSent: ['Quotes sent', '已报价'], ordersWon: ['Orders won', '成交订单数'], orderAmount: ['Order amount', '订单金额'],
  repurchasingCustomers: ['Repurchasing customers', '复购客户'], referrals: ['Referrals', '转介绍'], deals: ['Deals', '交易'],
  scorecardDrillNote: ['Each count opens that owner\u2019s contacts or deals of the week, as the last recompute counted them; the order amount opens the won deals whose amounts make it up.',
    '每个计数可打开该负责人本周的联系人或交易，口径与最近一次重算一致；订单金额打开构成该金额的成交订单。'],
  part_direct: ['Direct sales', '直接销售'], part_repeat: ['Repeat orders', '复购订单'], part_leadValue: ['Lead value', '线索价值'],
  brandNote: ['Direct sales, repeat orders and lead value open the deals they are made of (lead value: the inquiries of the range, each worth the value per lead). Brand is an estimate (the monthly brand value for the range\u2019s days), not made of any deals or contacts, so it opens no list.',
    '直接销售、复购订单和线索价值可打开构成它们的交易（线索价值：本时段的询盘，每条按线索单价计）。品牌价值是估算值（按本时段天数折算的每月品牌价值），不由任何交易或联系人构成，因此没有可打开的列表。'],
  costDrillNote: ['Each bar and tile opens the costs entered for the range, whole amounts; the message_fees bar and the explicit bar also hold the message fees priced from sends, which are no entered cost.',
    '每个柱形和卡片可打开本时段录入的成本（全额）；message_fees 柱和 explicit 柱还包含按发送计价的消息费用，这些不是录入的成本。'],
};

let lang: Lang = (localStorage.getItem(LANG_KEY) as Lang) === 'zh' ? 'zh' : 'en';
const listeners: Array<() => void> = [];

export function currentLang(): Lang { return lang; }

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((l) => l());
}

export function onLangChange(listener: () => void): void { listeners.push(listener); }

/** The word for key in the current language (the key itself when unknown, so a gap shows instead of breaking). */
export function t(key: string): string {
  const pair = WORDS[key];
  return pair ? pair[lang === 'zh' ? 1 : 0] : key;
}
